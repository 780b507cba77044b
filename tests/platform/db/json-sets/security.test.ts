import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database, forTenant, schema } from "../../../../workers/platform/db";
import { signUp } from "../../../helpers/auth";

describe("set-based upsert on a table keyed by a global id", () => {
  it("updates the caller's own row but never another tenant's row with the same id", async () => {
    const [alice, bob] = [forTenant(database(env.DB), (await signUp()).tenantId), forTenant(database(env.DB), (await signUp()).tenantId)];
    const row = { id: "mem_shared", system: "salesforce", entity: "account" as const, fieldName: "Rev", fieldLabel: null, target: "annual_revenue", verdict: "accepted" as const, repairId: null, createdAt: "2026-01-01T00:00:00.000Z" };
    await alice.sets.run(alice.sets.upsert(schema.matchMemory, [row]));
    await alice.sets.run(alice.sets.upsert(schema.matchMemory, [{ ...row, verdict: "rejected" }]));
    await bob.sets.run(bob.sets.upsert(schema.matchMemory, [{ ...row, target: "name" }]));
    expect(await alice.select(schema.matchMemory)).toEqual([{ ...row, tenantId: alice.tenantId, verdict: "rejected" }]);
    expect(await bob.select(schema.matchMemory)).toEqual([]);
  });
});
