/**
 * One RevOps run over its input, pure and deterministic: the input is put in a canonical order first (deals by id;
 * histories are ordered where they are read), so the same data in any order gives byte-identical results.
 */
import type { ActionRequest } from "../actions/types";
import type { FindingDraft } from "../runs/finding";
import { compareText } from "../../dcl/materialize/record-key";
import { riskAlertAction, writeScoreAction } from "./actions";
import { backtest } from "./backtest";
import { dealRiskFinding, dealScoreFinding, forecastFinding, healthFinding } from "./findings";
import { forecast } from "./forecast";
import { pipelineHealth } from "./health";
import { type RevOpsInput, RevOpsInputSchema } from "./input";
import { learnModel } from "./model";
import type { RevOpsOutputs } from "./outputs";
import { riskAssessor } from "./risk";
import { scoreDeal } from "./score";

export interface RevOpsResult {
  findings: FindingDraft[];
  actions: ActionRequest[];
  outputs: RevOpsOutputs;
  facts: Record<string, string | number>;
}

export function runRevOps(input: RevOpsInput, now: Date): RevOpsResult {
  const parsed = RevOpsInputSchema.parse(input);
  const deals = [...parsed.opportunities].sort((a, b) => compareText(a.id, b.id));
  const model = learnModel(deals);
  const open = deals.filter((d) => d.status === "open");
  const scores = open.map((deal) => scoreDeal(deal, { model, contactCounts: parsed.contact_counts, now: now.toISOString() }));
  const outputs: RevOpsOutputs = {
    as_of: now.toISOString(),
    win_rates: model.winRates,
    stage_ages: model.stageAges,
    forecast: forecast(scores),
    backtest: backtest(deals, parsed.contact_counts, now),
    health: pipelineHealth(deals, scores, parsed.targets, now),
    scores,
  };

  const riskOf = riskAssessor(scores);
  const ownerOf = new Map(open.map((d) => [d.id, d.owner]));
  const risks = scores.map((s) => ({ score: s, risk: riskOf(s) }));
  const findings: FindingDraft[] = [
    ...scores.map(dealScoreFinding),
    ...risks.flatMap(({ score, risk }) => (risk === null ? [] : [dealRiskFinding(score, risk)])),
    healthFinding(outputs.health),
    forecastFinding(outputs.forecast, outputs.backtest),
  ];
  const highRisk = risks.filter((r) => r.risk === "high").map((r) => r.score);
  // files are read-only: a deal known only from uploads has nowhere to take its score
  const writable = new Set(open.filter((d) => d.sources.some((source) => source.system !== "filesource")).map((d) => d.id));
  const actions: ActionRequest[] = [
    ...scores.filter((s) => writable.has(s.deal_id)).map(writeScoreAction),
    ...highRisk.map((s) => riskAlertAction(s, ownerOf.get(s.deal_id) ?? null, now)),
  ];

  const { win_rates, backtest: replay, health } = outputs;
  const biggestRisk = [...highRisk].sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || compareText(a.deal_id, b.deal_id))[0];
  const facts: Record<string, string | number> = {
    open_deals: open.length,
    won_deals: win_rates.overall.wins,
    lost_deals: win_rates.overall.losses,
    overall_win_rate: Math.round(win_rates.overall.rate * 1000) / 1000,
    deals_at_risk: risks.filter((r) => r.risk !== null).length,
    high_risk_deals: highRisk.length,
    stale_deals: health.stale.length,
    slipped_deals: health.slipped.length,
    past_close_deals: health.past_close.length,
    ...Object.fromEntries(
      outputs.forecast.totals.flatMap((t) => [
        [`weighted_pipeline_${t.currency}`, t.weighted],
        [`commit_${t.currency}`, t.commit],
        [`best_case_${t.currency}`, t.best_case],
      ]),
    ),
    ...(replay.model.wape === null ? {} : { backtest_wape: replay.model.wape }),
    ...(replay.source_probability.wape === null ? {} : { baseline_wape: replay.source_probability.wape }),
    ...(replay.model.brier === null ? {} : { backtest_brier: replay.model.brier }),
    ...(replay.source_probability.brier === null ? {} : { baseline_brier: replay.source_probability.brier }),
    ...(biggestRisk === undefined ? {} : { top_risk: biggestRisk.name }),
  };
  return { findings, actions, outputs, facts };
}
