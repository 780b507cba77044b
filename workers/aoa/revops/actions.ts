/**
 * The actions a RevOps run proposes. Their idempotency keys carry what they would write, so a re-run with
 * unchanged numbers proposes the same keys (the Write API returns the existing actions) and nothing new; an alert's
 * key carries the ISO week, so a deal that stays at risk is alerted at most once a week.
 */
import type { ActionRequest } from "../actions/types";
import { worstFactors } from "./findings";
import { isoWeek, money, percent } from "./format";
import type { DealScore } from "./score";

export function writeScoreAction(s: DealScore): ActionRequest {
  const forecastAmount = s.forecast_amount !== null && s.forecast_amount >= 0 ? s.forecast_amount : null;
  return {
    type: "opportunity.write_score",
    target: { entity: "opportunity", id: s.deal_id },
    params: { deal_score: s.score, win_probability: s.win_probability, forecast_amount: forecastAmount },
    reason: `Deal score ${s.score}/100, ${percent(s.win_probability)} to win (stage ${JSON.stringify(s.stage)} wins ${percent(s.stage_rate)})`,
    idempotency_key: `revops:score:${s.deal_id}:${s.score}:${forecastAmount === null ? "none" : Math.round(forecastAmount)}`,
  };
}

export function riskAlertAction(s: DealScore, owner: string | null, now: Date): ActionRequest {
  const amount = s.amount === null ? "no amount" : money(s.amount, s.currency ?? "");
  return {
    type: "alert.create",
    target: { entity: "opportunity", id: s.deal_id },
    params: {
      severity: "high",
      title: `Deal at risk: ${s.name}`.slice(0, 200),
      body: [`${s.name} (${amount}) scores ${s.score}/100.`, ...worstFactors(s).map((d) => `- ${d}`)].join("\n"),
      recipient: owner,
    },
    reason: `High-risk deal: score ${s.score}, close date slipped ${s.slips.count} time(s)`,
    idempotency_key: `revops:alert:${s.deal_id}:${isoWeek(now)}`,
  };
}
