import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import { chainHash } from "../../../workers/audit/chain";
import type { AuditRecord } from "../../../workers/audit/schema";
import { auditEntry, tamperAuditStorage } from "../../helpers/audit";

/** A fresh tenant with a valid three-record chain. */
async function chainOfThree(tenant: string): Promise<AuditRecord[]> {
  const records = [];
  for (const actor of ["usr_1", "usr_2", "usr_3"]) {
    records.push(await tenantGate(env, tenant).appendAudit(auditEntry(tenant, { actor_id: actor })));
  }
  expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({ valid: true, checked: 3 });
  return records;
}

describe("audit log: tampering is detected", () => {
  it("refuses updates and deletes through SQL (append-only triggers)", async () => {
    const tenant = "ten_triggers";
    await chainOfThree(tenant);
    await runInDurableObject(tenantGate(env, tenant), (_gate, state) => {
      expect(() => state.storage.sql.exec("UPDATE audit_log SET status = 200 WHERE seq = 2")).toThrow(/append-only/);
      expect(() => state.storage.sql.exec("DELETE FROM audit_log WHERE seq = 3")).toThrow(/append-only/);
    });
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({ valid: true, checked: 3 });
  });

  it("reports an edited record at its seq", async () => {
    const tenant = "ten_edited";
    await chainOfThree(tenant);
    await tamperAuditStorage(tenant, "UPDATE audit_log SET status = 200 WHERE seq = 2");
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      checked: 1,
      first_invalid_seq: 2,
      reason: expect.stringMatching(/edited/),
    });
  });

  it("reports a deleted middle record", async () => {
    const tenant = "ten_deleted_middle";
    await chainOfThree(tenant);
    await tamperAuditStorage(tenant, "DELETE FROM audit_log WHERE seq = 2");
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      checked: 1,
      first_invalid_seq: 2,
      reason: expect.stringMatching(/missing/),
    });
  });

  it("reports a deleted middle record even when the later ones are renumbered", async () => {
    const tenant = "ten_renumbered";
    await chainOfThree(tenant);
    await tamperAuditStorage(
      tenant,
      "DELETE FROM audit_log WHERE seq = 2",
      "UPDATE audit_log SET seq = 2 WHERE seq = 3",
      "UPDATE audit_head SET seq = 2",
    );
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      first_invalid_seq: 2,
      reason: expect.stringMatching(/prev_hash/),
    });
  });

  it("reports reordered records", async () => {
    const tenant = "ten_reordered";
    const [, second, third] = await chainOfThree(tenant);
    const swap = (target: AuditRecord, source: AuditRecord) =>
      `UPDATE audit_log SET actor_id = '${source.actor_id}', prev_hash = '${source.prev_hash}', hash = '${source.hash}' WHERE seq = ${target.seq}`;
    await tamperAuditStorage(tenant, swap(second!, third!), swap(third!, second!));
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({ valid: false, checked: 1, first_invalid_seq: 2 });
  });

  it("reports a deleted last record through the head", async () => {
    const tenant = "ten_truncated";
    await chainOfThree(tenant);
    await tamperAuditStorage(tenant, "DELETE FROM audit_log WHERE seq = 3");
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      checked: 2,
      head: { seq: 3 },
      first_invalid_seq: 3,
      reason: expect.stringMatching(/truncated/),
    });
  });

  it("reports a last record replaced by a self-consistent one", async () => {
    const tenant = "ten_replaced";
    const [, , third] = await chainOfThree(tenant);
    const { hash: _original, ...unsealed } = third!;
    const forged = { ...unsealed, status: 200 };
    await tamperAuditStorage(tenant, `UPDATE audit_log SET status = 200, hash = '${await chainHash(forged)}' WHERE seq = 3`);
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      checked: 3,
      first_invalid_seq: 3,
      reason: expect.stringMatching(/replaced/),
    });
  });

  it("reports records left beyond a removed head", async () => {
    const tenant = "ten_headless";
    await chainOfThree(tenant);
    await tamperAuditStorage(tenant, "DELETE FROM audit_head");
    expect(await tenantGate(env, tenant).verifyAudit()).toMatchObject({
      valid: false,
      checked: 0,
      first_invalid_seq: 1,
      reason: expect.stringMatching(/beyond the recorded head/),
    });
  });

  it("keeps each tenant's chain in its own gate", async () => {
    await chainOfThree("ten_a");
    expect((await tenantGate(env, "ten_b").listAudit({ limit: 200 })).items).toEqual([]);
    expect(await tenantGate(env, "ten_b").verifyAudit()).toMatchObject({ valid: true, checked: 0 });
  });
});
