import { describe, expect, it } from "vitest";
import { CatalogEntityListSchema } from "../../../../../workers/dcl/catalog/entities";
import { CatalogSourceListSchema } from "../../../../../workers/dcl/catalog/sources";
import { LineageGraphSchema } from "../../../../../workers/dcl/catalog/lineage";
import { RowLineageSchema } from "../../../../../workers/dcl/catalog/row-lineage";
import { entityFields } from "../../../../../workers/canonical/entities";
import { call } from "../../../../helpers/http";
import { tenantWithCatalog } from "../../../../helpers/catalog";
import { viewRows } from "../../../../helpers/dcl";

const t = await tenantWithCatalog();
const get = async (path: string) => {
  const res = await call(path, { headers: t.auth });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

describe("GET /api/v1/dcl/catalog/entities", () => {
  it("lists each entity with every canonical field, typed from the model, and its view's row counts", async () => {
    const { items } = CatalogEntityListSchema.parse(await get("/api/v1/dcl/catalog/entities"));
    expect(items.map((e) => [e.entity, e.view, e.rows])).toEqual([
      ["account", "accounts", { live: 2, tombstoned: 1 }],
      ["opportunity", "opportunities", { live: 0, tombstoned: 0 }],
      ["contact", "contacts", { live: 4, tombstoned: 0 }],
      ["cost", "costs", { live: 0, tombstoned: 0 }],
    ]);
    for (const e of items) expect(e.fields.map((f) => f.name)).toEqual(entityFields(e.entity));
    const account = items[0]!.fields;
    expect(account.find((f) => f.name === "name")).toEqual({ name: "name", type: "string", nullable: false, required: true, format: null, enum: null, description: "The company's or organisation's name" });
    expect(account.find((f) => f.name === "annual_revenue")).toMatchObject({ type: "number", nullable: true });
    expect(account.find((f) => f.name === "employee_count")).toMatchObject({ type: "integer", nullable: true });
    expect(account.find((f) => f.name === "updated_at")).toMatchObject({ type: "string", nullable: true, format: "date-time" });
    expect(account.find((f) => f.name === "extras")).toMatchObject({ type: "object", nullable: false });
    expect(items[1]!.fields.find((f) => f.name === "status")).toMatchObject({ type: "string", nullable: false, enum: ["open", "won", "lost"] });
  });

  it("describes every field of every entity, from the canonical model (named and nullable types included)", async () => {
    const { items } = CatalogEntityListSchema.parse(await get("/api/v1/dcl/catalog/entities"));
    for (const e of items) for (const f of e.fields) expect(f.description, `${e.entity}.${f.name}`).toMatch(/\S/);
    const opportunity = items[1]!.fields;
    expect(opportunity.find((f) => f.name === "currency")!.description).toContain("ISO 4217");
    expect(opportunity.find((f) => f.name === "probability")!.description).toContain("percent");
  });
});

describe("GET /api/v1/dcl/catalog/sources", () => {
  it("lists the connection's source objects with counts, times, mapping versions and held-back records", async () => {
    const list = CatalogSourceListSchema.parse(await get("/api/v1/dcl/catalog/sources"));
    expect(list.items).toEqual([
      {
        id: t.connection.id,
        name: "crm",
        system: "filesource",
        status: "active",
        objects: [
          {
            object: "companies",
            entity: "account",
            events: 4,
            last_event_at: "2026-02-01T00:00:00.000Z",
            quarantined: 0,
            mapping_versions: [
              { mapping_version: "filesource/companies@1#aaaaaaaaaaaa", events: 2 },
              { mapping_version: "filesource/companies@2#bbbbbbbbbbbb", events: 2 },
            ],
          },
          {
            object: "people",
            entity: "contact",
            events: 4,
            last_event_at: "2026-01-01T00:00:00.000Z",
            quarantined: 2,
            mapping_versions: [{ mapping_version: "filesource/people@1#cccccccccccc", events: 4 }],
          },
        ],
      },
    ]);
  });

  it("includes the relationships inferred between its objects", async () => {
    const { relationships } = CatalogSourceListSchema.parse(await get("/api/v1/dcl/catalog/sources"));
    expect(relationships).toEqual([
      { from: { connection_id: t.connection.id, object: "people", field: "account_id" }, to: { connection_id: t.connection.id, object: "companies" }, coverage: 1, matched: 4, total: 4 },
    ]);
  });
});

describe("GET /api/v1/dcl/catalog/lineage", () => {
  it("links source objects to mappings (versions aggregated), entities and views, and to quarantine", async () => {
    const graph = LineageGraphSchema.parse(await get("/api/v1/dcl/catalog/lineage"));
    const companies = `source:${JSON.stringify([t.connection.id, "companies"])}`;
    const people = `source:${JSON.stringify([t.connection.id, "people"])}`;
    expect(graph.links).toEqual(
      expect.arrayContaining([
        { source: companies, target: "mapping:filesource/companies", value: 4 },
        { source: "mapping:filesource/companies", target: "entity:account", value: 4 },
        { source: people, target: "mapping:filesource/people", value: 4 },
        { source: "mapping:filesource/people", target: "entity:contact", value: 4 },
        { source: people, target: "quarantine", value: 2 },
        { source: "entity:account", target: "view:accounts", value: 3 },
        { source: "entity:contact", target: "view:contacts", value: 4 },
      ]),
    );
    expect(graph.links).toHaveLength(7);
    expect(graph.nodes.map((n) => `${n.kind}:${n.id}`).sort()).toEqual(
      [
        `source_object:${companies}`,
        `source_object:${people}`,
        "mapping:mapping:filesource/companies",
        "mapping:mapping:filesource/people",
        "entity:entity:account",
        "entity:entity:contact",
        "view:view:accounts",
        "view:view:contacts",
        "quarantine:quarantine",
      ].sort(),
    );
    expect(graph.nodes.find((n) => n.id === companies)).toMatchObject({ label: "crm · companies", connection_id: t.connection.id, object: "companies" });
    expect(graph.nodes.find((n) => n.id === "mapping:filesource/companies")?.mapping_versions).toEqual([
      { mapping_version: "filesource/companies@1#aaaaaaaaaaaa", events: 2 },
      { mapping_version: "filesource/companies@2#bbbbbbbbbbbb", events: 2 },
    ]);
    expect(graph.nodes.find((n) => n.id === "view:accounts")?.rows).toEqual({ live: 2, tombstoned: 1 });
  });
});

describe("GET /api/v1/dcl/catalog/lineage/{entity}/{id}", () => {
  it("returns a tombstoned account's sources and both its events, in stream order, with their mapping versions", async () => {
    const tombstone = (await viewRows("materialized_accounts", t.tenantId)).find((r) => r.source_id === "A-1")!;
    const lineage = RowLineageSchema.parse(await get(`/api/v1/dcl/catalog/lineage/account/${tombstone.id}`));
    expect(lineage).toMatchObject({ entity: "account", id: tombstone.id, deleted: true, sources: [{ connection_id: t.connection.id, object: "companies", record_id: "A-1" }] });
    expect(lineage.events.map((e) => [e.record_id, e.op, e.mapping_version])).toEqual([
      ["A-1", "upsert", "filesource/companies@1#aaaaaaaaaaaa"],
      ["A-1", "delete", "filesource/companies@2#bbbbbbbbbbbb"],
    ]);
    expect(lineage.events[0]!.seq).toBeLessThan(lineage.events[1]!.seq);
    expect(lineage.last_seq).toBe(lineage.events[1]!.seq);
  });
});
