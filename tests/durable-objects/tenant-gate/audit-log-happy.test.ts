import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import { chainHash, GENESIS_HASH } from "../../../workers/audit/chain";
import { decodeCursor } from "../../../workers/audit/cursor";
import { auditEntry } from "../../helpers/audit";

const gate = (tenantId: string) => tenantGate(env, tenantId);

describe("audit log: appending and reading", () => {
  it("verifies an empty log as valid at genesis", async () => {
    expect(await gate("ten_empty").verifyAudit()).toEqual({ valid: true, checked: 0, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it("links each appended record to the previous one, starting from genesis", async () => {
    const tenant = "ten_chain";
    const records = [];
    for (const status of [201, 204, 409]) records.push(await gate(tenant).appendAudit(auditEntry(tenant, { status })));

    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, records[0]!.hash, records[1]!.hash]);
    for (const { hash, ...unsealed } of records) expect(hash).toBe(await chainHash(unsealed));
    expect(new Set(records.map((r) => r.hash)).size).toBe(3);

    expect(await gate(tenant).verifyAudit()).toEqual({ valid: true, checked: 3, head: { seq: 3, hash: records[2]!.hash } });
  });

  it("stores exactly what was appended", async () => {
    const tenant = "ten_roundtrip";
    const entry = auditEntry(tenant, { route: null, resource: "/api/v1/nowhere", status: 404, method: "DELETE" });
    const stored = await gate(tenant).appendAudit(entry);
    const page = await gate(tenant).listAudit({ limit: 10 });
    expect(page.items).toEqual([stored]);
    expect(stored).toMatchObject(entry);
  });

  it("keeps one unforked chain under concurrent appends", async () => {
    const tenant = "ten_concurrent";
    const records = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gate(tenant).appendAudit(auditEntry(tenant, { actor_id: `usr_${i}` }))),
    );
    expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await gate(tenant).verifyAudit()).toMatchObject({ valid: true, checked: 20, head: { seq: 20 } });
  });

  it("pages newest first with a cursor until the oldest record", async () => {
    const tenant = "ten_pages";
    for (let i = 0; i < 5; i++) await gate(tenant).appendAudit(auditEntry(tenant));

    const seen: number[][] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await gate(tenant).listAudit({ limit: 2, cursor });
      seen.push(page.items.map((r) => r.seq));
      if (page.next_cursor === null) break;
      cursor = decodeCursor(page.next_cursor);
    }
    expect(seen).toEqual([[5, 4], [3, 2], [1]]);
  });

  it("filters by actor, method and status", async () => {
    const tenant = "ten_filters";
    await gate(tenant).appendAudit(auditEntry(tenant, { actor_id: "usr_a", method: "POST", status: 201 }));
    await gate(tenant).appendAudit(auditEntry(tenant, { actor_id: "usr_b", method: "DELETE", status: 204 }));
    await gate(tenant).appendAudit(auditEntry(tenant, { actor_id: "usr_a", method: "DELETE", status: 404 }));

    const seqs = async (filter: { actor_id?: string; method?: string; status?: number }) =>
      (await gate(tenant).listAudit({ limit: 50, ...filter })).items.map((r) => r.seq);
    expect(await seqs({ actor_id: "usr_a" })).toEqual([3, 1]);
    expect(await seqs({ method: "DELETE" })).toEqual([3, 2]);
    expect(await seqs({ status: 204 })).toEqual([2]);
    expect(await seqs({ actor_id: "usr_a", method: "DELETE", status: 404 })).toEqual([3]);
    expect(await seqs({ actor_id: "usr_nobody" })).toEqual([]);
  });
});
