import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret } from "../../../workers/platform/encryption";

describe("ENCRYPTION_KEY configuration", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["31 bytes", btoa("x".repeat(31))],
    ["33 bytes", btoa("x".repeat(33))],
    ["not base64", "not base64 at all, but long enough to be 32 bytes!"],
  ])("refuses to seal or open with a %s key", async (_, ENCRYPTION_KEY) => {
    const config = { ENCRYPTION_KEY } as { ENCRYPTION_KEY: string };
    await expect(encryptSecret(config, "secret", "ctx")).rejects.toThrow("ENCRYPTION_KEY must be the base64 of exactly 32 random bytes");
    await expect(decryptSecret(config, "v1.00000000.AAAAAAAAAAAAAAAA.AAAA", "ctx")).rejects.toThrow(/ENCRYPTION_KEY/);
  });
});

describe("malformed sealed values", () => {
  it.each([
    ["an empty string", ""],
    ["plaintext", "hunter2"],
    ["too few parts", "v1.abcdef01.AAAA"],
    ["too many parts", "v1.{id}.AAAAAAAAAAAAAAAA.AAAA.AAAA"],
    ["a short IV", "v1.{id}.AAAA.AAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a body that is not base64", "v1.{id}.AAAAAAAAAAAAAAAA.not*base64"],
  ])("rejects %s", async (_, template) => {
    const keyId = (await encryptSecret(env, "x", "ctx")).split(".")[1]!;
    await expect(decryptSecret(env, template.replace("{id}", keyId), "ctx")).rejects.toThrow(DecryptionError);
  });
});
