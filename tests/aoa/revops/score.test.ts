import { describe, expect, it } from "vitest";
import { generateRevOpsInput } from "../../../workers/aoa/revops/generate";
import type { RevOpsOpportunity } from "../../../workers/aoa/revops/input";
import { learnModel } from "../../../workers/aoa/revops/model";
import { runRevOps } from "../../../workers/aoa/revops/pilot";
import { scoreDeal } from "../../../workers/aoa/revops/score";
import { NOW, closed, deal, shuffled, snap } from "./fixtures";

// closed history: Negotiation wins more often than Qualification; Proposal stints last 10 days; acc-1 won 10k deals
const history = [
  ...["w1", "w2", "w3"].map((id) => closed(id, "won", ["Qualification", "Proposal", "Negotiation"])),
  ...["l1", "l2", "l3"].map((id) => closed(id, "lost", ["Qualification"])),
  closed("l4", "lost", ["Qualification", "Proposal"]),
];
const model = learnModel(history);
const ctx = { model, contactCounts: { "acc-1": 2 } as Readonly<Record<string, number>>, now: NOW.toISOString() };
const score = (d: RevOpsOpportunity, contactCounts = ctx.contactCounts) => scoreDeal(d, { ...ctx, contactCounts });
const effectOf = (d: RevOpsOpportunity, factor: string, contactCounts = ctx.contactCounts) => score(d, contactCounts).explanation.find((f) => f.factor === factor)!.effect;

describe("deal score", () => {
  const twin = deal("twin", [snap(5, "Proposal"), snap(1, "Proposal")]);

  it("explains itself: the overall rate plus the factors' effects is the win probability", () => {
    const s = score(twin);
    expect(s.explanation.map((f) => f.factor)).toEqual(["stage", "age_in_stage", "close_date_slips", "close_date_past", "amount_vs_account", "contact_coverage", "staleness"]);
    const p0 = model.winRates.overall.rate;
    const logOdds = Math.log(p0 / (1 - p0)) + s.explanation.reduce((sum, f) => sum + f.effect, 0);
    expect(s.win_probability).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 4);
    expect(s.score).toBe(Math.round(s.win_probability * 100));
    for (const f of s.explanation) expect(f.detail.length).toBeGreaterThan(0);
  });

  it("scores a later stage with a better calibrated win rate higher", () => {
    const early = deal("q", [snap(5, "Qualification"), snap(1, "Qualification")]);
    const late = deal("n", [snap(5, "Negotiation"), snap(1, "Negotiation")]);
    expect(score(late).score).toBeGreaterThan(score(early).score);
    expect(effectOf(early, "stage")).toBeLessThan(0);
    expect(effectOf(late, "stage")).toBeGreaterThan(0);
  });

  it("lowers a deal that sits in its stage far longer than the tenant's typical time", () => {
    // typical Proposal stint: 10 days (w1–w3, l4); both were updated yesterday
    const lingering = deal("old", [snap(60, "Proposal"), snap(1, "Proposal")]);
    expect(effectOf(twin, "age_in_stage")).toBe(0);
    expect(effectOf(lingering, "age_in_stage")).toBeLessThan(0);
    expect(score(lingering).score).toBeLessThan(score(twin).score);
  });

  it("lowers a deal whose close date slipped, more for more and longer slips", () => {
    const steady = deal("s0", [snap(5, "Proposal", { close_date: "2026-08-31" }), snap(1, "Proposal", { close_date: "2026-08-31" })]);
    const once = deal("s1", [snap(5, "Proposal", { close_date: "2026-07-31" }), snap(1, "Proposal", { close_date: "2026-08-31" })]);
    const twice = deal("s2", [snap(5, "Proposal", { close_date: "2026-06-30" }), snap(3, "Proposal", { close_date: "2026-07-31" }), snap(1, "Proposal", { close_date: "2026-08-31" })]);
    expect(score(once).slips).toEqual({ count: 1, days: 31 });
    expect(score(twice).slips).toEqual({ count: 2, days: 62 });
    expect(score(steady).score).toBeGreaterThan(score(once).score);
    expect(score(once).score).toBeGreaterThan(score(twice).score);
    // pulling a close date in is not a slip
    expect(score(deal("in", [snap(5, "Proposal", { close_date: "2026-09-30" }), snap(1, "Proposal", { close_date: "2026-08-31" })])).slips.count).toBe(0);
  });

  it("lowers an open deal whose close date is already past", () => {
    const overdue = deal("late", [snap(5, "Proposal", { close_date: "2026-05-01" }), snap(1, "Proposal", { close_date: "2026-05-01" })]);
    expect(score(overdue).days_past_close).toBeGreaterThan(44);
    expect(effectOf(overdue, "close_date_past")).toBeLessThan(0);
    expect(score(overdue).score).toBeLessThan(score(twin).score);
  });

  it("lowers a deal far above the account's won deals and raises a smaller one", () => {
    const big = deal("big", [snap(5, "Proposal", { amount: 80_000 }), snap(1, "Proposal", { amount: 80_000 })]);
    const small = deal("small", [snap(5, "Proposal", { amount: 5_000 }), snap(1, "Proposal", { amount: 5_000 })]);
    expect(score(big).explanation.find((f) => f.factor === "amount_vs_account")!.value).toBe(8);
    expect(effectOf(twin, "amount_vs_account")).toBe(0);
    expect(effectOf(big, "amount_vs_account")).toBeCloseTo(-0.9, 3);
    expect(effectOf(small, "amount_vs_account")).toBeGreaterThan(0);
    expect(score(big).score).toBeLessThan(score(twin).score);
    // no history in another currency: no comparison
    expect(effectOf({ ...big, currency: "USD" }, "amount_vs_account")).toBe(0);
  });

  it("raises a deal with more contacts at its account", () => {
    const none = score(twin, {}).score;
    const some = score(twin, { "acc-1": 2 }).score;
    const many = score(twin, { "acc-1": 5 }).score;
    expect(none).toBeLessThan(some);
    expect(some).toBeLessThan(many);
  });

  it("lowers a deal nobody has touched for weeks", () => {
    const quiet = deal("quiet", [snap(60, "Proposal")]);
    const touched = deal("touched", [snap(60, "Proposal"), snap(2, "Proposal")]);
    expect(effectOf(touched, "staleness")).toBe(0);
    expect(effectOf(quiet, "staleness")).toBeLessThan(0);
    expect(score(quiet).score).toBeLessThan(score(touched).score);
  });
});

describe("determinism", () => {
  const input = generateRevOpsInput({ seed: 7, now: NOW, deals: 120 });

  it("gives byte-identical output for the same data in any order", () => {
    const reordered = {
      ...input,
      opportunities: shuffled(input.opportunities, 3).map((o, i) => ({ ...o, history: shuffled(o.history, i + 11) })),
      accounts: shuffled(input.accounts, 5),
      contact_counts: Object.fromEntries(shuffled(Object.entries(input.contact_counts), 9)),
    };
    const first = JSON.stringify(runRevOps(input, NOW));
    expect(JSON.stringify(runRevOps(reordered, NOW))).toBe(first);
    expect(JSON.stringify(runRevOps(input, NOW))).toBe(first);
  });

  it("scores every open deal once, in deal id order", () => {
    const { outputs } = runRevOps(input, NOW);
    const open = input.opportunities.filter((o) => o.status === "open").map((o) => o.id).sort();
    expect(open.length).toBeGreaterThan(5);
    expect(outputs.scores.map((s) => s.deal_id)).toEqual(open);
  });
});
