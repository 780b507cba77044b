import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { openConnectionSecrets, sealConnectionSecrets } from "../../../../workers/aam/connections/secrets";

describe("connection secrets", () => {
  it("open again on the row they were sealed for", async () => {
    const secrets = { client_id: "3MVG9", client_secret: "shh", empty: "" };
    const secretsCiphertext = await sealConnectionSecrets(env, { tenantId: "ten_a", connectionId: "con_1" }, secrets);
    expect(await openConnectionSecrets(env, { tenantId: "ten_a", id: "con_1", secretsCiphertext })).toEqual(secrets);
  });

  it("are null for a connection without any", async () => {
    expect(await openConnectionSecrets(env, { tenantId: "ten_a", id: "con_1", secretsCiphertext: null })).toBeNull();
  });
});
