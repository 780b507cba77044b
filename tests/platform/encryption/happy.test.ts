import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "../../../workers/platform/encryption";

describe("secrets at rest", () => {
  it.each([["a token", "sk_live_0123456789"], ["an empty string", ""], ["unicode", "pässwörd 🔐"], ["JSON", '{"a":"b"}']])(
    "round-trips %s",
    async (_, plaintext) => {
      const sealed = await encryptSecret(env, plaintext, "ctx");
      expect(await decryptSecret(env, sealed, "ctx")).toBe(plaintext);
    },
  );

  it("seals the same plaintext differently each time (a fresh 96-bit IV per seal)", async () => {
    const [a, b] = await Promise.all([encryptSecret(env, "same", "ctx"), encryptSecret(env, "same", "ctx")]);
    expect(a).not.toBe(b);
    const iv = (sealed: string) => sealed.split(".")[2];
    expect(iv(a)).not.toBe(iv(b));
    expect(atob(iv(a)!.replace(/-/g, "+").replace(/_/g, "/"))).toHaveLength(12);
  });

  it("names its format version and a fingerprint of the key, never the key", async () => {
    const sealed = await encryptSecret(env, "x", "ctx");
    const [version, keyId] = sealed.split(".");
    expect(version).toBe("v1");
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed).not.toContain(env.ENCRYPTION_KEY);
  });

  it("accepts the key as base64url as well as standard base64", async () => {
    const urlSafe = { ENCRYPTION_KEY: env.ENCRYPTION_KEY.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") };
    const sealed = await encryptSecret(env, "x", "ctx");
    expect(await decryptSecret(urlSafe, sealed, "ctx")).toBe("x");
  });
});
