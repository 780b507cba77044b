import { describe, expect, it } from "vitest";
import { ActionRequestSchema } from "../../../workers/aoa/actions/types";
import { RevOpsOutputsSchema } from "../../../workers/aoa/revops/outputs";
import { runRevOps } from "../../../workers/aoa/revops/pilot";
import { FindingDraftSchema } from "../../../workers/aoa/runs/finding";
import { NOW, closed, deal, snap } from "./fixtures";

const history = [
  ...["w1", "w2", "w3"].map((id) => closed(id, "won", ["Qualification", "Proposal", "Negotiation"], 100)),
  ...["l1", "l2"].map((id) => closed(id, "lost", ["Qualification", "Proposal"], 100)),
];
const healthy = deal("ok", [snap(5, "Negotiation"), snap(1, "Negotiation")]);
const slippedTwice = deal("slip", [
  snap(20, "Proposal", { close_date: "2026-06-30" }),
  snap(10, "Proposal", { close_date: "2026-07-31" }),
  snap(2, "Proposal", { close_date: "2026-09-30" }),
]);
const overdue = deal("late", [snap(5, "Negotiation", { close_date: "2026-05-31" }), snap(1, "Negotiation", { close_date: "2026-05-31" })]);
const input = { opportunities: [...history, healthy, slippedTwice, overdue], accounts: [{ id: "acc-1", name: "Acme", annual_revenue: null, currency: null }], contact_counts: { "acc-1": 2 } };

describe("runRevOps", () => {
  const result = runRevOps(input, NOW);

  it("returns outputs, findings and actions of the agreed shapes", () => {
    expect(() => RevOpsOutputsSchema.parse(result.outputs)).not.toThrow();
    for (const finding of result.findings) expect(() => FindingDraftSchema.parse(finding)).not.toThrow();
    for (const action of result.actions) expect(() => ActionRequestSchema.parse(action)).not.toThrow();
  });

  it("finds one score per open deal, the risky deals with their explanation, one health and one forecast finding", () => {
    const kinds = (kind: string) => result.findings.filter((f) => f.kind === kind);
    expect(kinds("deal_score").map((f) => f.subject?.id).sort()).toEqual(["late", "ok", "slip"]);
    const risks = kinds("deal_risk");
    expect(risks.map((f) => [f.subject?.id, f.severity])).toEqual([
      ["late", "medium"],
      ["slip", "high"],
    ]);
    expect(risks[1]!.explanation.find((f) => f.factor === "close_date_slips")!.value).toEqual({ count: 2, days: 92 });
    expect(risks[1]!.title).toContain("pushed out 2 time(s)");
    expect(kinds("pipeline_health")).toHaveLength(1);
    expect(kinds("forecast")).toHaveLength(1);
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
  });

  it("proposes writing every open deal's score back, and an alert for the high-risk one, keyed to what they say", () => {
    const scores = result.actions.filter((a) => a.type === "opportunity.write_score");
    expect(scores.map((a) => a.target?.id).sort()).toEqual(["late", "ok", "slip"]);
    const ok = result.outputs.scores.find((s) => s.deal_id === "ok")!;
    expect(scores.find((a) => a.target?.id === "ok")).toMatchObject({
      params: { deal_score: ok.score, win_probability: ok.win_probability, forecast_amount: ok.forecast_amount },
      idempotency_key: `revops:score:ok:${ok.score}:${Math.round(ok.forecast_amount!)}`,
    });
    const alerts = result.actions.filter((a) => a.type === "alert.create");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ target: { entity: "opportunity", id: "slip" }, idempotency_key: "revops:alert:slip:2026-W25", params: { severity: "high", recipient: "owner@example.com" } });
  });

  it("proposes no score write-back for a deal known only from uploaded files (they are read-only)", () => {
    const fileOnly = input.opportunities.map((d) => (d.id === "ok" ? { ...d, sources: [{ system: "filesource" as const, connection_id: "con-2", object: "deals.csv", record_id: "ok" }] } : d));
    const targets = runRevOps({ ...input, opportunities: fileOnly }, NOW)
      .actions.filter((a) => a.type === "opportunity.write_score")
      .map((a) => a.target?.id)
      .sort();
    expect(targets).toEqual(["late", "slip"]);
  });

  it("proposes the same keys again when nothing changed, and a new score key when the deal moved", () => {
    const keys = (r: ReturnType<typeof runRevOps>) => r.actions.map((a) => a.idempotency_key);
    expect(keys(runRevOps(input, NOW))).toEqual(keys(result));
    const moved = runRevOps({ ...input, opportunities: [...history, deal("ok", [snap(5, "Negotiation"), snap(1, "Negotiation", { amount: 90_000 })]), slippedTwice, overdue] }, NOW);
    expect(keys(moved).filter((k) => k.startsWith("revops:score:ok:"))).not.toEqual(keys(result).filter((k) => k.startsWith("revops:score:ok:")));
  });

  it("reports pipeline health: stages, slipped and overdue deals, coverage against last quarter's won deals", () => {
    const { health } = result.outputs;
    expect(health.open_deals).toBe(3);
    expect(health.by_stage.map((r) => [r.stage, r.deals, r.amount])).toEqual([
      ["Negotiation", 2, 20_000],
      ["Proposal", 1, 10_000],
    ]);
    expect(health.slipped.map((d) => [d.id, d.count])).toEqual([["slip", 2]]);
    expect(health.past_close.map((d) => d.id)).toEqual(["late"]);
    // next quarter 2026-Q3 holds "ok" and "slip"; the 3 deals won in 2026-Q1 (100 days ago) are the stand-in target
    expect(health.coverage).toEqual([
      expect.objectContaining({ quarter: "2026-Q3", currency: "EUR", pipeline: 20_000, target: 30_000, target_source: "trailing_won", ratio: 0.667 }),
    ]);
    const targeted = runRevOps({ ...input, targets: [{ quarter: "2026-Q3", currency: "EUR", amount: 10_000 }] }, NOW).outputs.health.coverage;
    expect(targeted[0]).toMatchObject({ target: 10_000, target_source: "target", ratio: 2 });
    expect(result.facts).toMatchObject({ open_deals: 3, won_deals: 3, lost_deals: 2, high_risk_deals: 1, top_risk: "Deal slip" });
  });

  it("rejects input that is not a RevOps input", () => {
    expect(() => runRevOps({ ...input, opportunities: [{ id: "x" }] } as never, NOW)).toThrow();
  });
});
