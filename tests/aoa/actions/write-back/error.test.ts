/**
 * Write-back refused, before or by the source: an unknown or deleted view row (404), fields that no source can
 * take (422, each with its reason), a row from files (read-only), and the source rejecting the write (Salesforce
 * INVALID_FIELD, a PostgREST 400) with its own message, the source failure recorded on the connection.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getConnection } from "../../../../workers/aam/connections/registry";
import { executeWriteBack, planWriteBack } from "../../../../workers/aoa/actions/write-back";
import { createConnection } from "../../../helpers/connections";
import { insertOpportunities } from "../../../helpers/views";
import { onDatabase, project, sql } from "../../../aam/connectors/supabase/helpers";
import { OPPORTUNITY, type Tenant, env, salesforceSource, tenant } from "./helpers";
import { problemOf } from "../../../helpers/problems";

const DEAL = 81_000_101;
let t: Tenant;
let salesforce: Awaited<ReturnType<typeof salesforceSource>>;
let salesforceRow: string;
let supabaseConnection: string;
let supabaseRow: string;

beforeAll(async () => {
  t = await tenant();
  salesforce = await salesforceSource(t.owner);
  await t.sync(salesforce.connectionId);
  salesforceRow = String((await t.opportunities(salesforce.connectionId)).get(OPPORTUNITY)?.id);
  await onDatabase(sql`insert into writeback.deals (id, name, amount, stage) values (${DEAL}, 'Error deal', 500, 'prospecting')`);
  const connection = await createConnection(t.owner.accessToken, {
    system: "supabase",
    name: "CRM",
    config: { url: project.url, schema: "writeback", tables: ["deals"] },
    secrets: { api_key: project.secret_key },
  });
  supabaseConnection = connection.id;
  await t.sync(supabaseConnection);
  supabaseRow = String((await t.opportunities(supabaseConnection)).get(String(DEAL))?.id);
});
afterAll(() => vi.restoreAllMocks());

const plan = (id: string, fields: Record<string, unknown>) => planWriteBack(env, t.scope, { entity: "opportunity", id }, fields);

describe("the target row", () => {
  it("is not found when the tenant has no such row", async () => {
    const problem = await problemOf(plan("opp_000000000000000000000000", { deal_score: 50 }));
    expect([problem.kind, problem.detail]).toEqual(["not-found", "No opportunity opp_000000000000000000000000"]);
  });

  it("is not found when the row is deleted", async () => {
    await insertOpportunities(t.owner.tenantId, [{ id: "opp_deleted", name: "Gone", deleted: true, sources: [{ system: "salesforce", connection_id: salesforce.connectionId, object: "Opportunity", record_id: OPPORTUNITY }] }]);
    expect((await problemOf(plan("opp_deleted", { deal_score: 50 }))).kind).toBe("not-found");
  });
});

describe("fields no source can take", () => {
  it("are refused with each field's reason, and nothing is planned", async () => {
    const problem = await problemOf(plan(salesforceRow, { deal_score: 50, status: "won", owner: "Ada" }));
    expect(problem.kind).toBe("not-writable");
    expect(problem.extras.errors?.map((e) => [e.path, e.message])).toEqual([
      ["fields.status", expect.stringMatching(/^salesforce Opportunity 006000000000000WBA: not writable: it is computed by the expression IsClosed/)],
      ["fields.owner", expect.stringMatching(/not writable: it comes from the first of Owner\.Name, OwnerId that has a value/)],
    ]);
  });

  it("refuses values the canonical model does not allow, and the fields the platform keeps", async () => {
    const problem = await problemOf(plan(salesforceRow, { probability: 150, close_date: "31/12/2026", updated_at: "2026-01-01T00:00:00.000Z", deal_score: { high: true } }));
    expect(problem.kind).toBe("not-writable");
    expect(problem.extras.errors?.map((e) => e.path)).toEqual(["fields.probability", "fields.close_date", "fields.updated_at", "fields.deal_score"]);
    expect(problem.extras.errors?.[2]?.message).toBe("updated_at is not written back: the source stamps it on every change");
  });

  it("names the mapping that does not map a field or declares no such write_back output", async () => {
    const problem = await problemOf(plan(supabaseRow, { probability: 30, churn_risk: 0.2 }));
    expect(problem.extras.errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/^supabase deals 81000101: the mapping supabase\/deals@2#[0-9a-f]{12} does not map probability$/),
      expect.stringMatching(/the mapping supabase\/deals@2#[0-9a-f]{12} has no write_back for churn_risk$/),
    ]);
  });

  it("refuses a row whose only source is a file: FileSource connections are read-only", async () => {
    await insertOpportunities(t.owner.tenantId, [{ id: "opp_from_file", name: "From a CSV", sources: [{ system: "filesource", connection_id: "con_files", object: "deals.csv", record_id: "D-1" }] }]);
    const problem = await problemOf(plan("opp_from_file", { close_date: "2026-01-31" }));
    expect(problem.kind).toBe("not-writable");
    expect(problem.extras.errors).toEqual([
      { path: "fields.close_date", code: "not_writable", message: "filesource deals.csv D-1: FileSource connections are read-only: files are not written back" },
    ]);
  });
});

describe("the source rejecting the write", () => {
  it("Salesforce INVALID_FIELD (the custom field is gone): the source's message, and the connection marked as drifted", async () => {
    const planned = await plan(salesforceRow, { deal_score: 64 });
    await salesforce.org.change({ fields: { object: "Opportunity", remove: ["AOS_Deal_Score__c"] } });
    const problem = await problemOf(executeWriteBack(env, t.scope, planned, "rejected-1"));
    expect(problem.kind).toBe("source-schema-changed");
    expect(problem.detail).toBe(
      "Writing salesforce Opportunity 006000000000000WBA failed: Salesforce schema-drift (INVALID_FIELD): No such column 'AOS_Deal_Score__c' on sobject of type Opportunity",
    );
    expect((await salesforce.record())?.AOS_Deal_Score__c).toBeUndefined();
    expect((await getConnection(t.scope, salesforce.connectionId)).sourceState).toBe("schema-drift");
  });

  it("PostgREST 400 (a value the column refuses): PostgreSQL's message as a validation error", async () => {
    const planned = await plan(supabaseRow, { deal_score: "very high" });
    const problem = await problemOf(executeWriteBack(env, t.scope, planned, "rejected-2"));
    expect(problem.kind).toBe("validation-error");
    expect(problem.detail).toMatch(/^Writing supabase deals 81000101 failed: Supabase invalid-request: invalid input syntax for type numeric: "very high" \(22P02\)/);
    const [stored] = await onDatabase(sql`select aos_deal_score from writeback.deals where id = ${DEAL}`);
    expect(stored?.aos_deal_score).toBeNull();
  });
});
