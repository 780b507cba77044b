import { describe, expect, it } from "vitest";
import { eventId, type EventIdInput } from "../../../workers/canonical/event-id";
import { sha256Hex } from "../../../workers/platform/crypto";

const base: EventIdInput = {
  tenant_id: "ten_1",
  connection_id: "con_1",
  object: "Account",
  record_id: "001",
  op: "upsert",
  record: { Id: "001", Name: "Acme", Owner: { Name: "Grace", Id: "005" }, Amount: 0 },
  cursor: "2026-01-01T00:00:00.000Z",
};

describe("deterministic event ids", () => {
  it("is the same for the same unchanged record, whatever its key order", async () => {
    const reordered = { ...base, record: { Amount: 0, Owner: { Id: "005", Name: "Grace" }, Name: "Acme", Id: "001" } };
    const id = await eventId(base);
    expect(id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(await eventId(reordered)).toBe(id);
  });

  it.each([
    ["a changed field", { record: { ...base.record, Name: "Acme Inc" } }],
    ["a changed nested field", { record: { ...base.record, Owner: { Name: "Ada", Id: "005" } } }],
    ["0 → null", { record: { ...base.record, Amount: null } }],
    ["another tenant", { tenant_id: "ten_2" }],
    ["another connection", { connection_id: "con_2" }],
    ["another object", { object: "Contact" }],
    ["another record", { record_id: "002" }],
    ["a delete", { op: "delete" as const }],
  ])("changes with %s", async (_label, change) => {
    expect(await eventId({ ...base, ...change })).not.toBe(await eventId(base));
  });

  it("is one SHA-256 over the sorted JSON of [tenant, connection, object, record, op, record content]", async () => {
    // Pinned on purpose: changing the formula changes every stored event id, so re-reads would stop deduplicating.
    const serialized = '["ten_1","con_1","Account","001","upsert",{"Amount":0,"Id":"001","Name":"Acme","Owner":{"Id":"005","Name":"Grace"}}]';
    expect(await eventId(base)).toBe(`evt_${(await sha256Hex(serialized)).slice(0, 32)}`);
  });

  it("leaves an upsert's cursor out: the same content read from another position is the same change", async () => {
    expect(await eventId({ ...base, cursor: "run_2#7" })).toBe(await eventId(base));
  });

  it("hashes a delete's cursor: each deletion of a record is its own event, the same one re-read stays one", async () => {
    // a bare tombstone: only the id, the same every time the record is deleted
    const deleted = { ...base, op: "delete" as const, record: { Id: "001" }, cursor: "reconcile:evt_first" };
    const again = await eventId({ ...deleted, cursor: "reconcile:evt_recreated" });
    expect(again).not.toBe(await eventId(deleted));
    expect(await eventId({ ...deleted })).toBe(await eventId(deleted));
    const serialized = '["ten_1","con_1","Account","001","delete",{"Id":"001"},"reconcile:evt_first"]';
    expect(await eventId(deleted)).toBe(`evt_${(await sha256Hex(serialized)).slice(0, 32)}`);
  });

  it("cannot be forged by moving text between parts", async () => {
    const a = await eventId({ ...base, tenant_id: "ten_1|con", connection_id: "1" });
    const b = await eventId({ ...base, tenant_id: "ten_1", connection_id: "con|1" });
    expect(a).not.toBe(b);
  });
});
