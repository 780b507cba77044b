import { describe, expect, it } from "vitest";
import { DriftPageSchema } from "../../../../../workers/gateway/routes/aam/drift/list";
import { DriftEventSchema } from "../../../../../workers/gateway/routes/aam/drift/schemas";
import { bearer } from "../../../../helpers/auth";
import { driftedConnection } from "../../../../helpers/drift";
import { call } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const get = async (path: string) => (await call(path, { headers: auth })).json();
const list = async (query: string) => DriftPageSchema.parse(await get(`/api/v1/aam/drift?${query}`));

describe("GET /api/v1/aam/drift", () => {
  it("lists a connection's drift events newest first, with changes, targets and whether they break the mapping", async () => {
    const { connectionId, breaking, harmless } = await driftedConnection(scope);
    const { items, next_cursor } = await list(`connection_id=${connectionId}`);
    expect(next_cursor).toBeNull();
    expect(items.map((e) => e.id).sort()).toEqual([breaking.id, harmless.id].sort());
    expect(items[0]!.detected_at >= items[1]!.detected_at).toBe(true);
    expect(items.find((e) => e.id === breaking.id)).toEqual({
      id: breaking.id,
      connection_id: connectionId,
      run_id: "run_2",
      system: "salesforce",
      object: "Account",
      entity: null,
      mapping_version: null,
      changes: [
        { kind: "added", path: "Annual_Revenue__c", to: null, from_type: null, to_type: "integer", target: null, samples: [4] },
        { kind: "removed", path: "AnnualRevenue", to: null, from_type: "integer", to_type: null, target: "annual_revenue", samples: [1000, 2000, 3000] },
      ],
      breaking: true,
      status: "open",
      repair_id: null,
      detected_at: breaking.detectedAt,
      resolved_at: null,
    });
  });

  it("filters by breaking, status and object", async () => {
    const { connectionId, breaking, harmless } = await driftedConnection(scope);
    const ids = async (query: string) => (await list(`connection_id=${connectionId}&${query}`)).items.map((e) => e.id);
    expect(await ids("breaking=true")).toEqual([breaking.id]);
    expect(await ids("breaking=false")).toEqual([harmless.id]);
    expect(await ids("status=repaired")).toEqual([]);
    expect((await ids("status=open&object=Account")).sort()).toEqual([breaking.id, harmless.id].sort());
    expect(await ids("object=Contact")).toEqual([]);
  });

  it("pages with the cursor", async () => {
    const { connectionId } = await driftedConnection(scope);
    const first = await list(`connection_id=${connectionId}&limit=1`);
    expect(first.next_cursor).not.toBeNull();
    const second = await list(`connection_id=${connectionId}&limit=1&cursor=${first.next_cursor}`);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(2);
  });
});

describe("GET /api/v1/aam/drift/{id}", () => {
  it("returns one event", async () => {
    const { harmless } = await driftedConnection(scope);
    const event = DriftEventSchema.parse(await get(`/api/v1/aam/drift/${harmless.id}`));
    expect(event).toMatchObject({ id: harmless.id, breaking: false, status: "open", changes: [{ kind: "added", path: "Rating", target: null, samples: ["Hot"] }] });
  });
});

describe("POST /api/v1/aam/drift/{id}/ignore", () => {
  it("dismisses a non-breaking event, and again answers the same", async () => {
    const { connectionId, harmless } = await driftedConnection(scope);
    const ignore = async () => call(`/api/v1/aam/drift/${harmless.id}/ignore`, { method: "POST", headers: auth });
    const res = await ignore();
    expect(res.status).toBe(200);
    const ignored = DriftEventSchema.parse(await res.json());
    expect(ignored).toMatchObject({ id: harmless.id, status: "ignored", resolved_at: expect.any(String) });
    expect(DriftEventSchema.parse(await (await ignore()).json())).toEqual(ignored);
    expect((await list(`connection_id=${connectionId}&status=ignored`)).items.map((e) => e.id)).toEqual([harmless.id]);
  });
});
