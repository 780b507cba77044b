/**
 * The FinOps pilot's decisions, a pure function of the cost rows and the run's clock: daily series per
 * (provider, service, sub-account) and currency, anomalies against the seasonal baseline, grouped into episodes;
 * recent episodes become `cost_anomaly` findings with an owner alert and a sub-account tag, and the period one
 * `cost_summary` finding. The window ends yesterday: today's costs are still arriving and would read as a drop.
 */
import type { ActionRequest } from "../actions/types";
import type { FindingDraft } from "../runs/finding";
import type { PilotResult } from "../runs/pilot";
import { anomalyActions } from "./actions";
import { addDays, dayOf, type Day } from "./days";
import { DEFAULT_DETECT, detectAnomalies, type DayPoint, type DetectOptions } from "./detect";
import { groupEpisodes, type Episode } from "./episodes";
import { anomalyFinding, DEFAULT_SEVERITY, episodeFigures, round2, severityOf, summaryFinding, type SeverityOptions, type SpendTotal } from "./findings";
import type { FinOpsAnomaly, FinOpsOutputs } from "./outputs";
import { buildDailySeries, type CostRow, type CostSeries } from "./series";

export interface FinOpsInput {
  rows: CostRow[];
}

export interface FinOpsOptions {
  /** days of history the series cover (the loader reads as many) */
  historyDays: number;
  /** anomalies that began within the last days become findings and actions; older ones only show in the outputs */
  reportDays: number;
  /** series shown in the chart output */
  topSeries: number;
  detect: DetectOptions;
  severity: SeverityOptions;
}

export const DEFAULT_FINOPS: FinOpsOptions = { historyDays: 120, reportDays: 14, topSeries: 10, detect: DEFAULT_DETECT, severity: DEFAULT_SEVERITY };

export interface FinOpsResult extends PilotResult {
  outputs: FinOpsOutputs;
}

/** The days the series cover: `historyDays` up to yesterday (UTC). */
export function finopsWindow(now: Date, options: Pick<FinOpsOptions, "historyDays"> = DEFAULT_FINOPS): { from: Day; to: Day } {
  const to = addDays(dayOf(now), -1);
  return { from: addDays(to, -(options.historyDays - 1)), to };
}

const byTotal = <T extends { total: number }>(a: T, b: T) => b.total - a.total;

function totals<K>(series: readonly CostSeries[], keyOf: (s: CostSeries) => string, rowOf: (s: CostSeries) => K): (K & { total: number })[] {
  const grouped = new Map<string, K & { total: number }>();
  for (const s of series) {
    const key = `${keyOf(s)}|${s.currency}`;
    const row = grouped.get(key) ?? { ...rowOf(s), total: 0 };
    row.total += s.total;
    grouped.set(key, row);
  }
  return [...grouped.values()].map((row) => ({ ...row, total: round2(row.total) })).sort(byTotal);
}

interface Detected {
  series: CostSeries;
  points: DayPoint[];
  episodes: Episode[];
}

export function runFinOps(input: FinOpsInput, now: Date, options: FinOpsOptions = DEFAULT_FINOPS): FinOpsResult {
  const period = finopsWindow(now, options);
  const reportFrom = addDays(period.to, -(options.reportDays - 1));
  const detected: Detected[] = buildDailySeries(input.rows, period).map((series) => {
    const { points, anomalies } = detectAnomalies(series, options.detect);
    return { series, points, episodes: groupEpisodes(anomalies) };
  });

  const findings: FindingDraft[] = [];
  const actions: ActionRequest[] = [];
  const anomalies: FinOpsAnomaly[] = [];
  let largest: { title: string; deviation: number } | null = null;
  for (const { series, episodes } of detected) {
    for (const episode of episodes) {
      const severity = severityOf(episode, options.severity);
      anomalies.push({
        series_id: series.id,
        currency: series.currency,
        ...episodeFigures(episode),
        severity,
      });
      if (episode.day < reportFrom) continue;
      const finding = anomalyFinding(series, episode, severity);
      findings.push(finding);
      if (largest === null || Math.abs(episode.deviation) > largest.deviation) largest = { title: finding.title, deviation: Math.abs(episode.deviation) };
      actions.push(...anomalyActions(series, episode, severity));
    }
  }
  anomalies.sort((a, b) => (a.day === b.day ? (a.series_id < b.series_id ? -1 : 1) : a.day < b.day ? 1 : -1));

  const byService = totals(detected.map((d) => d.series), (s) => `${s.provider_name}|${s.service_name}`, (s) => ({ provider_name: s.provider_name, service_name: s.service_name, currency: s.currency }));
  const bySubAccount = totals(
    detected.map((d) => d.series),
    (s) => `${s.provider_name}|${s.sub_account_id}`,
    (s) => ({ provider_name: s.provider_name, sub_account_id: s.sub_account_id, sub_account_name: s.sub_account_name, currency: s.currency }),
  );
  const byCurrency = new Map<string, number>();
  for (const { series } of detected) byCurrency.set(series.currency, (byCurrency.get(series.currency) ?? 0) + series.total);
  const topServices: SpendTotal[] = byService.slice(0, 3).map((s) => ({ name: s.service_name ?? "Unnamed service", currency: s.currency, total: s.total }));
  const reported = findings.length;
  findings.push(summaryFinding(period, byCurrency, topServices, reported, detected.length));

  const top = [...detected].sort((a, b) => byTotal(a.series, b.series)).slice(0, options.topSeries);
  const outputs: FinOpsOutputs = {
    period: { ...period, report_from: reportFrom },
    series: top.map(({ series, points }) => ({
      id: series.id,
      provider_name: series.provider_name,
      service_name: series.service_name,
      sub_account_id: series.sub_account_id,
      sub_account_name: series.sub_account_name,
      currency: series.currency,
      total: round2(series.total),
      points: points.map((p) => ({ day: p.day, actual: round2(p.actual), expected: p.expected === null ? null : round2(p.expected), anomaly: p.anomaly })),
    })),
    totals_by_service: byService,
    totals_by_sub_account: bySubAccount,
    anomalies,
  };

  const facts: Record<string, string | number> = {
    period_from: period.from,
    period_to: period.to,
    series: detected.length,
    recent_anomalies: reported,
    anomalies_in_period: anomalies.length,
    ...Object.fromEntries([...byCurrency].map(([currency, total]) => [`spend_${currency}`, round2(total)])),
  };
  if (topServices[0] !== undefined) facts.largest_service = topServices[0].name;
  if (largest !== null) facts.largest_anomaly = largest.title;
  return { findings, actions, outputs, facts };
}
