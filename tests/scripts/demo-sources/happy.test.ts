/**
 * `npm run demo:sources` fills its sources with generated records and syncs them through the BUNDLED mappings
 * (mappings/), so every generated record must map: here each one goes through its system's mapping as the
 * connector hands it over (Salesforce records without `attributes`, Supabase rows as PostgREST's JSON, MongoDB
 * documents through the stand-in's canonical Extended JSON and the connector's plain JSON), with nothing rejected.
 */
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import { toRecord } from "../../../workers/aam/connectors/mongodb/records";
import type { SourceSystem } from "../../../workers/canonical/names";
import { systemMappings } from "../../../workers/aam/mapping/registry";
import { mongoDocuments } from "../../../scripts/demo-sources/mongodb-documents";
import { salesforceRecords } from "../../../scripts/demo-sources/salesforce-records";
import { supabaseRows } from "../../../scripts/demo-sources/supabase-rows";

interface Generated {
  system: SourceSystem;
  /** source object → [entity, the records as the connector's RawRecord data and id] */
  objects: Record<string, { entity: string; records: { data: Record<string, unknown>; record_id: string }[] }>;
  counts: Record<string, number>;
}

const byField = (field: string) => (data: Record<string, unknown>) => ({ data, record_id: String(data[field]) });
const asMongoRecord = (document: Record<string, unknown>) => toRecord(BSON.EJSON.serialize(document, { relaxed: false }), "unused");

const salesforce = salesforceRecords();
const supabase = supabaseRows();
const mongodb = mongoDocuments();

const sources: Generated[] = [
  {
    system: "salesforce",
    objects: {
      Account: { entity: "account", records: salesforce.Account.map(byField("Id")) },
      Opportunity: { entity: "opportunity", records: salesforce.Opportunity.map(byField("Id")) },
      Contact: { entity: "contact", records: salesforce.Contact.map(byField("Id")) },
    },
    counts: { account: 30, opportunity: 44, contact: 41 },
  },
  {
    system: "supabase",
    objects: {
      companies: { entity: "account", records: supabase.companies.map(byField("id")) },
      deals: { entity: "opportunity", records: supabase.deals.map(byField("id")) },
      people: { entity: "contact", records: supabase.people.map(byField("id")) },
    },
    counts: { account: 34, opportunity: 55, contact: 46 },
  },
  {
    system: "mongodb",
    objects: {
      accounts: { entity: "account", records: mongodb.accounts.map(asMongoRecord) },
      opportunities: { entity: "opportunity", records: mongodb.opportunities.map(asMongoRecord) },
      contacts: { entity: "contact", records: mongodb.contacts.map(asMongoRecord) },
    },
    counts: { account: 30, opportunity: 45, contact: 49 },
  },
];

async function mapAll(source: Generated) {
  const registry = await systemMappings();
  const mapped: Record<string, Record<string, unknown>[]> = {};
  const rejected: unknown[] = [];
  for (const [object, { entity, records }] of Object.entries(source.objects)) {
    const mapping = registry.get(source.system, object);
    expect(mapping?.entity, `${source.system}/${object}`).toBe(entity);
    for (const record of records) {
      const result = mapping!.map(record.data, record.record_id);
      if (result.ok) (mapped[entity] ??= []).push(result.data);
      else rejected.push({ object, record_id: result.record_id, errors: result.errors });
    }
  }
  return { mapped, rejected };
}

describe("the demo sources' generated records", () => {
  it.each(sources)("$system: every record maps through the bundled mapping, none rejected", async (source) => {
    const { mapped, rejected } = await mapAll(source);
    expect(rejected).toEqual([]);
    expect(Object.fromEntries(Object.entries(mapped).map(([entity, rows]) => [entity, rows.length]))).toEqual(source.counts);
  });

  it.each(sources)("$system: every record has its change time; opportunities and contacts point at the source's own accounts", async (source) => {
    const { mapped } = await mapAll(source);
    expect(Object.values(mapped).flat().filter((row) => row.updated_at === null)).toEqual([]);
    const accountIds = new Set(mapped.account!.map((account) => account.source_id));
    for (const entity of ["opportunity", "contact"]) {
      expect(mapped[entity]!.filter((row) => !accountIds.has(row.account_id as string)), entity).toEqual([]);
    }
  });

  it.each(sources)("$system: the deals span open, won and lost, and every account has a name and a website", async (source) => {
    const { mapped } = await mapAll(source);
    expect(new Set(mapped.opportunity!.map((row) => row.status))).toEqual(new Set(["open", "won", "lost"]));
    for (const account of mapped.account!) {
      expect(account.name).toEqual(expect.stringMatching(/\S/));
      expect(account.website).toEqual(expect.stringMatching(/\.example/));
    }
  });

  it("MongoDB's documents keep the demo's short names and read money and dates from their BSON types", async () => {
    const { mapped } = await mapAll(sources[2]!);
    const first = mapped.account!.find((account) => account.name === "Mueller Maschinenbau");
    expect(first).toMatchObject({ annual_revenue: 1_234_567, currency: "USD", employee_count: 1250, billing_city: "Munich", owner: "Dana Whitfield" });
    expect(mapped.opportunity!.every((row) => typeof row.amount === "number" && /^2025-\d\d-\d\d$/.test(row.close_date as string))).toBe(true);
    expect(mapped.contact!.every((row) => typeof row.email === "string" && row.email.endsWith(".example"))).toBe(true);
  });
});
