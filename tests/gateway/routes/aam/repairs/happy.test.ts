import { describe, expect, it } from "vitest";
import { ApprovedRepairSchema } from "../../../../../workers/gateway/routes/aam/repairs/approve";
import { RepairPageSchema } from "../../../../../workers/gateway/routes/aam/repairs/list";
import { RolledBackRepairSchema } from "../../../../../workers/gateway/routes/aam/repairs/rollback";
import { RepairSchema } from "../../../../../workers/gateway/routes/aam/repairs/schemas";
import { MappingSchema } from "../../../../../workers/gateway/routes/aam/mappings/schemas";
import { listMemory } from "../../../../../workers/aam/matching/memory-store";
import { auditRecords } from "../../../../helpers/audit";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { accountRepair, REPAIRS } from "./helpers";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const get = async (path: string) => (await call(path, { headers: auth })).json();
const getMapping = async () => MappingSchema.parse(await get("/api/v1/aam/mappings/salesforce/Account"));
const post = (path: string) => call(path, { method: "POST", headers: auth });

describe("GET /api/v1/aam/repairs", () => {
  it("lists repairs newest first with their changes, filtered by status and connection, a page at a time", async () => {
    const applied = await accountRepair(scope, true, "con_list");
    const pending = await accountRepair(scope, false, "con_list");
    const all = RepairPageSchema.parse(await get(`${REPAIRS}?connection_id=con_list`));
    expect(all.items.map((r) => r.id)).toEqual([pending.id, applied.id]);
    expect(all.items[0]).toMatchObject({
      kind: "drift",
      status: "pending",
      system: "salesforce",
      object: "Account",
      entity: "account",
      confidence: 0.62,
      changes: [{ target: "annual_revenue", action: "map", from: "Annual_Revenue__c", previous_from: "AnnualRevenue", auto: false }],
    });
    expect(all.items[1]).toMatchObject({ status: "applied", applied_version: 2, decided_by: "aam:auto" });

    const onlyPending = RepairPageSchema.parse(await get(`${REPAIRS}?connection_id=con_list&status=pending&kind=drift`));
    expect(onlyPending.items.map((r) => r.id)).toEqual([pending.id]);

    const first = RepairPageSchema.parse(await get(`${REPAIRS}?connection_id=con_list&limit=1`));
    const second = RepairPageSchema.parse(await get(`${REPAIRS}?connection_id=con_list&limit=1&cursor=${first.next_cursor}`));
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual([pending.id, applied.id]);
    expect(second.next_cursor).toBeNull();
  });
});

describe("GET /api/v1/aam/repairs/{id}", () => {
  it("returns one repair", async () => {
    const repair = await accountRepair(scope, false);
    expect(RepairSchema.parse(await get(`${REPAIRS}/${repair.id}`))).toMatchObject({ id: repair.id, status: "pending", applied_version: null });
  });
});

describe("POST /api/v1/aam/repairs/{id}/approve, /reject, /rollback", () => {
  it("approves a pending repair into a new mapping version, audited as the caller", async () => {
    const repair = await accountRepair(scope, false, "con_approve");
    const res = await post(`${REPAIRS}/${repair.id}/approve`);
    expect(res.status).toBe(200);
    const body = ApprovedRepairSchema.parse(await res.json());
    expect(body.repair).toMatchObject({ status: "applied", decided_by: expect.stringMatching(/^usr_/) });
    expect(body.version).toMatchObject({ version: body.repair.applied_version, comment: expect.stringContaining(repair.id) });
    expect(body.replay).toEqual({ run_ids: [], replayed: 0, still_failing: 0 });
    const mapping = await getMapping();
    expect(mapping.source).toContain("annual_revenue: { from: Annual_Revenue__c, transforms: [number] }");
    expect(await auditRecords(scope.tenantId)).toContainEqual(expect.objectContaining({ actor_type: "user", method: "POST", resource: `${REPAIRS}/${repair.id}/approve`, status: 200 }));
  });

  it("applies a reviewer's correction of a change, and remembers the corrected match as wrong", async () => {
    const repair = await accountRepair(scope, false);
    const res = await call(`${REPAIRS}/${repair.id}/approve`, { headers: auth, body: { overrides: [{ change: 0, from: "Revenue_Total__c" }] } });
    expect(res.status).toBe(200);
    const body = ApprovedRepairSchema.parse(await res.json());
    expect(body.repair.changes).toEqual([expect.objectContaining({ target: "annual_revenue", from: "Revenue_Total__c", confidence: 1 })]);
    expect((await getMapping()).source).toContain("annual_revenue: { from: Revenue_Total__c, transforms: [number] }");
    const memory = await listMemory(scope, "account", "salesforce");
    expect(memory).toContainEqual(expect.objectContaining({ field_name: "Annual_Revenue__c", target: "annual_revenue", verdict: "rejected" }));
    expect(memory).toContainEqual(expect.objectContaining({ field_name: "Revenue_Total__c", target: "annual_revenue", verdict: "accepted" }));
  });

  it("rejects a pending repair", async () => {
    const repair = await accountRepair(scope, false);
    const res = await post(`${REPAIRS}/${repair.id}/reject`);
    expect(res.status).toBe(200);
    expect(RepairSchema.parse(await res.json())).toMatchObject({ status: "rejected", applied_version: null, decided_at: expect.any(String) });
  });

  it("rolls back the applied repair in effect with a newer version of the old content", async () => {
    const before = await getMapping();
    const repair = await accountRepair(scope, true);
    const res = await post(`${REPAIRS}/${repair.id}/rollback`);
    expect(res.status).toBe(200);
    const body = RolledBackRepairSchema.parse(await res.json());
    expect(body.repair).toMatchObject({ status: "rolled_back", rolled_back_version: repair.appliedVersion! + 1 });
    expect(body.version.version).toBe(repair.appliedVersion! + 1);
    const mapping = await getMapping();
    expect(mapping.version).toBe(repair.appliedVersion! + 1);
    const withoutVersion = (text: string) => text.replace(/^version: \d+$/m, "");
    expect(withoutVersion(mapping.source)).toBe(withoutVersion(before.source));
  });
});
