/** The RevOps findings: one per open deal (its score), one per deal at risk, pipeline health and the forecast. */
import type { FindingDraft } from "../runs/finding";
import type { Backtest } from "./backtest";
import { money, percent } from "./format";
import type { Forecast } from "./forecast";
import type { Health } from "./health";
import type { Risk } from "./risk";
import type { DealScore } from "./score";

const subjectOf = (s: DealScore) => ({ entity: "opportunity", id: s.deal_id, name: s.name });

const dealMetrics = (s: DealScore) => ({
  score: s.score,
  win_probability: s.win_probability,
  stage_rate: s.stage_rate,
  amount: s.amount,
  currency: s.currency,
  forecast_amount: s.forecast_amount,
  close_date: s.close_date,
  stage: s.stage,
});

export function dealScoreFinding(s: DealScore): FindingDraft {
  return {
    kind: "deal_score",
    severity: s.score < 50 ? "low" : "info",
    subject: subjectOf(s),
    title: `${s.name}: score ${s.score}/100 (${percent(s.win_probability)} to win)`,
    explanation: s.explanation,
    metrics: dealMetrics(s),
    fingerprint: `deal_score:${s.deal_id}`,
  };
}

/** The two factors that pull the score down most, for the title. */
export const worstFactors = (s: DealScore): string[] =>
  s.explanation
    .filter((f) => f.effect < 0)
    .sort((a, b) => a.effect - b.effect || (a.factor < b.factor ? -1 : 1))
    .slice(0, 2)
    .map((f) => f.detail);

export function dealRiskFinding(s: DealScore, risk: Exclude<Risk, null>): FindingDraft {
  const reasons = worstFactors(s);
  return {
    kind: "deal_risk",
    severity: risk,
    subject: subjectOf(s),
    title: `${s.name} at risk (score ${s.score})${reasons.length === 0 ? "" : `: ${reasons.join("; ")}`}`,
    explanation: s.explanation,
    metrics: { ...dealMetrics(s), slips: s.slips.count, days_past_close: s.days_past_close, days_since_update: s.days_since_update },
    fingerprint: `deal_risk:${s.deal_id}`,
  };
}

export function healthFinding(health: Health): FindingDraft {
  const open = Math.max(health.open_deals, 1);
  const list = (factor: string, deals: readonly { name: string }[], what: string) => ({
    factor,
    value: deals.length,
    effect: -Math.round((deals.length / open) * 1000) / 1000,
    detail: `${deals.length} of ${health.open_deals} open deal(s) ${what}${deals.length === 0 ? "" : `: ${deals.slice(0, 3).map((d) => d.name).join(", ")}${deals.length > 3 ? ", …" : ""}`}`,
  });
  const coverage = health.coverage.map((c) => ({
    factor: `coverage.${c.currency}`,
    value: c.ratio,
    effect: c.ratio === null ? 0 : Math.round(Math.min(c.ratio - 1, 2) * 1000) / 1000,
    detail: `${c.quarter}: ${money(c.pipeline, c.currency)} in pipeline against ${money(c.target, c.currency)} ${c.target_source === "target" ? "target" : "won last quarter"}`,
  }));
  const explanation = [
    ...coverage,
    list("stale", health.stale, "without a change for a month"),
    list("slipped", health.slipped, "with a pushed-out close date"),
    list("past_close", health.past_close, "past their close date"),
  ];
  const underCovered = health.coverage.some((c) => c.ratio !== null && c.ratio < 1);
  const troubled = health.stale.length + health.past_close.length >= open / 4;
  return {
    kind: "pipeline_health",
    severity: underCovered || troubled ? "medium" : "info",
    subject: null,
    title: `Pipeline: ${health.open_deals} open deal(s), ${health.stale.length} stale, ${health.slipped.length} slipped, ${health.past_close.length} past close date`,
    explanation,
    metrics: { open_deals: health.open_deals, stale: health.stale.length, slipped: health.slipped.length, past_close: health.past_close.length, coverage: health.coverage },
    fingerprint: "pipeline_health",
  };
}

export function forecastFinding(forecast: Forecast, backtest: Backtest): FindingDraft {
  const totals = forecast.totals.map((t) => ({
    factor: `weighted.${t.currency}`,
    value: t.weighted,
    effect: 0,
    detail: `${money(t.weighted, t.currency)} weighted of ${money(t.pipeline, t.currency)} open; commit ${money(t.commit, t.currency)}, best case ${money(t.best_case, t.currency)}`,
  }));
  const { model, source_probability: naive } = backtest;
  const accuracy =
    model.wape === null
      ? []
      : [
          {
            factor: "backtest_wape",
            value: model.wape,
            effect: naive.wape === null ? 0 : Math.round((naive.wape - model.wape) * 10_000) / 10_000,
            detail: `replayed on ${model.periods} past period(s): ${percent(model.wape)} weighted error${naive.wape === null ? "" : ` vs ${percent(naive.wape)} with the sources' own probabilities`}`,
          },
        ];
  const brier =
    model.brier === null
      ? []
      : [
          {
            factor: "backtest_brier",
            value: model.brier,
            effect: naive.brier === null ? 0 : Math.round((naive.brier - model.brier) * 10_000) / 10_000,
            detail: `Brier score ${model.brier} on ${backtest.outcomes} closed outcome(s)${naive.brier === null ? "" : ` vs ${naive.brier} for the sources' probabilities`}`,
          },
        ];
  const headline = forecast.totals.map((t) => `${money(t.weighted, t.currency)} weighted`).join(", ");
  return {
    kind: "forecast",
    severity: "info",
    subject: null,
    title: `Forecast: ${headline === "" ? "no open pipeline" : headline}${model.wape === null ? "" : ` (backtest error ${percent(model.wape)})`}`,
    explanation: [...totals, ...accuracy, ...brier],
    metrics: { totals: forecast.totals, backtest: { model, source_probability: naive, unweighted_pipeline: backtest.unweighted_pipeline } },
    fingerprint: "forecast",
  };
}
