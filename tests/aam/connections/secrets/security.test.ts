import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openConnectionSecrets } from "../../../../workers/aam/connections/secrets";
import { DecryptionError } from "../../../../workers/platform/encryption";
import { database, forTenant, schema } from "../../../../workers/platform/db";
import { createConnection, getConnection } from "../../../../workers/aam/connections/registry";
import { signUp } from "../../../helpers/auth";
import { SALESFORCE_CONFIG } from "../../connectors/salesforce/helpers";

const db = database(env.DB);
const input = (name: string, secrets?: Record<string, string>) =>
  ({ system: "salesforce", name, config: SALESFORCE_CONFIG, secrets, schedule_minutes: 60 }) as const;

describe("a connection's ciphertext is bound to its tenant and connection", () => {
  it("does not open when copied onto another tenant's connection row", async () => {
    const alice = forTenant(db, (await signUp()).tenantId);
    const mallory = forTenant(db, (await signUp()).tenantId);
    const victim = await createConnection(alice, env, input("crm", { client_secret: "alice-secret" }));
    const own = await createConnection(mallory, env, input("crm"));
    await mallory.update(schema.connections, { secretsCiphertext: victim.secretsCiphertext }, eq(schema.connections.id, own.id));

    const copied = await getConnection(mallory, own.id);
    expect(copied.secretsCiphertext).toBe(victim.secretsCiphertext);
    await expect(openConnectionSecrets(env, copied)).rejects.toThrow(DecryptionError);
    expect(await openConnectionSecrets(env, victim)).toEqual({ client_secret: "alice-secret" });
  });

  it("does not open when copied onto another connection of the same tenant", async () => {
    const scope = forTenant(db, (await signUp()).tenantId);
    const first = await createConnection(scope, env, input("one", { token: "t-1" }));
    const second = await createConnection(scope, env, input("two"));
    await expect(openConnectionSecrets(env, { ...second, secretsCiphertext: first.secretsCiphertext })).rejects.toThrow(DecryptionError);
  });
});
