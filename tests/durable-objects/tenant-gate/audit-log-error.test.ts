import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import type { AuditEntry } from "../../../workers/audit/schema";
import { auditEntry } from "../../helpers/audit";

/** The append's rejection (caught here, since a thrown RPC call reports its error through the promise). */
const appendFailure = (tenant: string, entry: AuditEntry) =>
  tenantGate(env, tenant)
    .appendAudit(entry)
    .then(() => undefined, (err: unknown) => err);

describe("audit log: malformed entries", () => {
  it.each([
    ["a body hash that is not a SHA-256 digest", { body_hash: "not-a-digest" }],
    ["an empty actor", { actor_id: "" }],
    ["a status outside HTTP's range", { status: 42 }],
    ["a timestamp that is not ISO 8601", { occurred_at: "yesterday" }],
    ["an unknown actor type", { actor_type: "robot" as AuditEntry["actor_type"] }],
  ])("rejects %s and leaves the chain untouched", async (_name, override) => {
    const tenant = "ten_malformed";
    const failure = await appendFailure(tenant, auditEntry(tenant, override));
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Invalid audit entry/);
    expect((await tenantGate(env, tenant).listAudit({ limit: 200 })).items).toEqual([]);
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({ valid: true, checked: 0, head: { seq: 0 } });
  });

  it("continues the chain after a rejected entry", async () => {
    const tenant = "ten_after_reject";
    expect(await appendFailure(tenant, auditEntry(tenant, { status: 1000 }))).toBeInstanceOf(Error);
    const record = await tenantGate(env, tenant).appendAudit(auditEntry(tenant));
    expect(record.seq).toBe(1);
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({ valid: true, checked: 1 });
  });
});
