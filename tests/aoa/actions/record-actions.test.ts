/**
 * Record actions through the Write API end to end, against the Salesforce fake: a score written back at once
 * (policy auto) and replayed without a second write, a canonical change held until approved, and a dry run that
 * leaves the org untouched.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DryRunSchema } from "../../../workers/gateway/routes/aoa/actions/submit";
import { bearer } from "../../helpers/auth";
import { call } from "../../helpers/http";
import { ACTIONS, decide, propose } from "../../gateway/routes/aoa/actions/helpers";
import { ActionSchema } from "../../../workers/aoa/actions/types";
import { OPPORTUNITY, type Tenant, salesforceSource, tenant } from "./write-back/helpers";

let t: Tenant;
let source: Awaited<ReturnType<typeof salesforceSource>>;
let rowId: string;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await tenant();
  source = await salesforceSource(t.owner);
  await t.sync(source.connectionId);
  rowId = String((await t.opportunities(source.connectionId)).get(OPPORTUNITY)?.id);
  headers = bearer(t.owner.accessToken);
});
afterAll(() => vi.restoreAllMocks());

const score = (idempotency_key: string) => ({
  type: "opportunity.write_score",
  target: { entity: "opportunity", id: rowId },
  params: { deal_score: 73, win_probability: 0.41, forecast_amount: 17_220 },
  reason: "nightly scoring",
  idempotency_key,
});

const update = (idempotency_key: string, close_date: string) => ({
  type: "record.update",
  target: { entity: "opportunity", id: rowId },
  params: { fields: { close_date } },
  reason: "the buyer moved the signature",
  idempotency_key,
});

describe("record actions on a Salesforce opportunity", () => {
  it("opportunity.write_score runs at once: the org holds the score; the same key again writes nothing more", async () => {
    const { res, action } = await propose(headers, score("score-1"));
    expect(res.status).toBe(201);
    expect(action).toMatchObject({ status: "succeeded", policy: "auto", attempts: 1, error: null });
    expect(action!.result).toEqual({
      kind: "write_back",
      write_back: { target: { entity: "opportunity", id: rowId }, results: [{ system: "salesforce", connection_id: source.connectionId, object: "Opportunity", record_id: OPPORTUNITY, status: "updated" }], skipped: [] },
    });
    expect(await source.record()).toMatchObject({ AOS_Deal_Score__c: 73, AOS_Win_Probability__c: 0.41, AOS_Forecast_Amount__c: 17_220 });

    const calls = await source.org.requests();
    const replay = await propose(headers, score("score-1"));
    expect(replay.res.status).toBe(200);
    expect(replay.action).toEqual(action);
    expect(await source.org.requests()).toEqual(calls);
  });

  it("record.update is held (policy approval) and reaches the org only once approved", async () => {
    const { action } = await propose(headers, update("move-close", "2026-09-30"));
    expect(action).toMatchObject({ status: "pending_approval", plan: { kind: "write_back", write_back: { writes: [expect.objectContaining({ data: { CloseDate: "2026-09-30" } })] } } });
    expect((await source.record())?.CloseDate).toBe("2026-06-30");
    const approved = ActionSchema.parse(await (await decide(headers, action!.id, "approve")).json());
    expect(approved).toMatchObject({ status: "succeeded", decided_by: t.owner.userId });
    expect((await source.record())?.CloseDate).toBe("2026-09-30");
  });

  it("a dry run plans the Salesforce fields and leaves the org as it was", async () => {
    const before = await source.record();
    const res = await call(ACTIONS, { headers, body: { ...update("dry", "2027-01-15"), dry_run: true } });
    const { plan } = DryRunSchema.parse(await res.json());
    expect(plan).toMatchObject({ kind: "write_back", write_back: { writes: [expect.objectContaining({ record_id: OPPORTUNITY, data: { CloseDate: "2027-01-15" } })] } });
    expect(await source.record()).toEqual(before);
  });
});
