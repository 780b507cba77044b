/**
 * A round trip to a real PostgREST: a deal row (schema `writeback`, rows of this file's own) synced into the view,
 * a score and its close date written back through the reverse mapping, the row read back from PostgreSQL in its
 * column types, and the next sync showing the change (the score in extras, being unmapped).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeWriteBack, planWriteBack } from "../../../../workers/aoa/actions/write-back";
import { createConnection } from "../../../helpers/connections";
import { onDatabase, project, sql } from "../../../aam/connectors/supabase/helpers";
import { type Tenant, env, tenant } from "./helpers";

const DEAL = 81_000_001;
let t: Tenant;
let connectionId: string;
let rowId: string;

beforeAll(async () => {
  t = await tenant();
  await onDatabase(sql`insert into writeback.deals (id, name, amount, stage, close_date) values (${DEAL}, 'Platform deal', 12000, 'negotiation', '2026-05-01')`);
  const connection = await createConnection(t.owner.accessToken, {
    system: "supabase",
    name: "CRM",
    config: { url: project.url, schema: "writeback", tables: ["deals"] },
    secrets: { api_key: project.secret_key },
  });
  connectionId = connection.id;
  await t.sync(connectionId);
  rowId = String((await t.opportunities(connectionId)).get(String(DEAL))?.id);
});
afterAll(() => vi.restoreAllMocks());

describe("write-back to a Supabase deals row", () => {
  it("plans snake_case columns for the score and the close date", async () => {
    const plan = await planWriteBack(env, t.scope, { entity: "opportunity", id: rowId }, { deal_score: 72.5, close_date: "2026-09-30" });
    expect(plan.writes.map((w) => [w.system, w.object, w.record_id, w.mapping.id, w.data])).toEqual([
      ["supabase", "deals", String(DEAL), "supabase/deals", { aos_deal_score: 72.5, close_date: "2026-09-30" }],
    ]);
  });

  it("writes them with PATCH, so PostgreSQL holds them in its types and the next sync shows them", async () => {
    const fields = { deal_score: 72.5, win_probability: 0.4, forecast_amount: 4800, close_date: "2026-09-30" };
    const plan = await planWriteBack(env, t.scope, { entity: "opportunity", id: rowId }, fields);
    const result = await executeWriteBack(env, t.scope, plan, "score-run-1");
    expect(result.results).toEqual([{ system: "supabase", connection_id: connectionId, object: "deals", record_id: String(DEAL), status: "updated" }]);

    const [stored] = await onDatabase(
      sql`select aos_deal_score::text as score, aos_win_probability::text as probability, aos_forecast_amount::text as forecast, close_date::text as close_date, name from writeback.deals where id = ${DEAL}`,
    );
    expect(stored).toEqual({ score: "72.50", probability: "0.4000", forecast: "4800.00", close_date: "2026-09-30", name: "Platform deal" });

    await t.sync(connectionId);
    const row = (await t.opportunities(connectionId)).get(String(DEAL));
    expect(row).toMatchObject({ id: rowId, close_date: "2026-09-30", amount: 12_000, status: "open" });
    expect(row?.extras).toMatchObject({ aos_deal_score: 72.5, aos_win_probability: 0.4, aos_forecast_amount: 4800 });
  });
});
