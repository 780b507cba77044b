import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret } from "../../../workers/platform/encryption";
import { toBase64Url } from "../../../workers/platform/base64";

const otherKey = { ENCRYPTION_KEY: toBase64Url(crypto.getRandomValues(new Uint8Array(32))) };

/** Flips one bit of the byte at `index` of a base64url part. */
function flip(part: string, index: number): string {
  const bytes = Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  bytes[index]! ^= 0x01;
  return toBase64Url(bytes);
}

describe("sealed secrets resist tampering and moving", () => {
  it("fails when any byte of the ciphertext or tag is changed", async () => {
    const sealed = await encryptSecret(env, "secret", "ctx");
    const [version, keyId, iv, body] = sealed.split(".") as [string, string, string, string];
    const length = atob(body.replace(/-/g, "+").replace(/_/g, "/")).length;
    for (const index of [0, length - 1, length - 16]) {
      await expect(decryptSecret(env, [version, keyId, iv, flip(body, index)].join("."), "ctx")).rejects.toThrow(DecryptionError);
    }
  });

  it("fails when the IV is changed", async () => {
    const [version, keyId, iv, body] = (await encryptSecret(env, "secret", "ctx")).split(".") as [string, string, string, string];
    await expect(decryptSecret(env, [version, keyId, flip(iv, 0), body].join("."), "ctx")).rejects.toThrow(DecryptionError);
  });

  it("fails under another context (the additional data binds it to its owner)", async () => {
    const sealed = await encryptSecret(env, "secret", "connection-secrets:ten_a:con_1");
    await expect(decryptSecret(env, sealed, "connection-secrets:ten_b:con_1")).rejects.toThrow(/failed authentication/);
    await expect(decryptSecret(env, sealed, "connection-secrets:ten_a:con_2")).rejects.toThrow(DecryptionError);
  });

  it("fails under another key, saying which key sealed it", async () => {
    const sealed = await encryptSecret(env, "secret", "ctx");
    await expect(decryptSecret(otherKey, sealed, "ctx")).rejects.toThrow(/^Sealed under key [0-9a-f]{8}, but the configured key is/);
  });

  it("fails when the header is rewritten, even to the right key's id", async () => {
    const sealed = await encryptSecret(otherKey, "secret", "ctx");
    const ownId = (await encryptSecret(env, "x", "ctx")).split(".")[1];
    const relabelled = sealed.split(".").map((part, i) => (i === 1 ? ownId : part)).join(".");
    await expect(decryptSecret(env, relabelled, "ctx")).rejects.toThrow(DecryptionError);
    await expect(decryptSecret(env, sealed.replace(/^v1/, "v2"), "ctx")).rejects.toThrow(/Not a sealed value/);
  });
});
