/** The FinOps cost series as the anomaly chart draws them: a label per series, points with a usual range, episodes. */
import { formatDay, formatMoney } from "./format";
import type { CostAnomaly, CostSeries, FinOpsOutputs } from "./types";

/** "Amazon EC2 · prod (AWS, USD)". */
export function seriesLabel(series: CostSeries): string {
  const account = series.sub_account_name ?? series.sub_account_id;
  const where = [series.provider_name, series.currency].filter((part): part is string => part !== null).join(", ");
  return `${series.service_name ?? "Unnamed service"}${account === null ? "" : ` · ${account}`} (${where})`;
}

/** The series to show first: the first (largest) one with an anomaly, else the largest; null when there are none. */
export function defaultSeriesId(outputs: FinOpsOutputs): string | null {
  return (outputs.series.find((s) => s.points.some((p) => p.anomaly)) ?? outputs.series[0])?.id ?? null;
}

/**
 * How far a day usually strays from its expectation: 1.4826 × the median absolute residual of the days the
 * baseline covers and did not flag (a robust standard deviation). 0 without such days.
 */
export function robustSpread(points: CostSeries["points"]): number {
  const residuals = points
    .filter((p): p is typeof p & { expected: number } => p.expected !== null && !p.anomaly)
    .map((p) => Math.abs(p.actual - p.expected))
    .sort((a, b) => a - b);
  if (residuals.length === 0) return 0;
  const mid = Math.floor(residuals.length / 2);
  const median = residuals.length % 2 === 1 ? residuals[mid]! : (residuals[mid - 1]! + residuals[mid]!) / 2;
  return 1.4826 * median;
}

/** The band drawn around the expectation: this many robust spreads either side (costs never go below 0). */
export const BAND_SPREADS = 2;

export interface ChartPoint {
  day: string;
  actual: number;
  expected: number | null;
  low: number | null;
  high: number | null;
  anomaly: boolean;
}

export function chartPoints(series: CostSeries): ChartPoint[] {
  const width = BAND_SPREADS * robustSpread(series.points);
  return series.points.map((p) => ({
    day: p.day,
    actual: p.actual,
    expected: p.expected,
    low: p.expected === null ? null : Math.max(0, p.expected - width),
    high: p.expected === null ? null : p.expected + width,
    anomaly: p.anomaly,
  }));
}

/** The value axis' upper end: the largest actual or band edge (at least 1). */
export const chartMax = (points: readonly ChartPoint[]): number => Math.max(1, ...points.flatMap((p) => [p.actual, p.high ?? 0]));

/** The anomaly episode of the series that covers the day (an episode spans day..last_day). */
export function episodeAt(anomalies: readonly CostAnomaly[], seriesId: string, day: string): CostAnomaly | undefined {
  return anomalies.find((a) => a.series_id === seriesId && a.day <= day && day <= a.last_day);
}

/**
 * Runs of consecutive days that have an expectation, so the band and the expected line break where the baseline
 * has no history yet instead of bridging it.
 */
export function expectedRuns(points: readonly ChartPoint[]): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  for (const p of points) {
    if (p.expected === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(p);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** What a marked point says: the episode's days, actual against expected, how unusual, how severe. */
export function anomalyText(anomaly: CostAnomaly): string {
  const days = anomaly.days === 1 ? formatDay(anomaly.day) : `${formatDay(anomaly.day)} – ${formatDay(anomaly.last_day)} (${anomaly.days} days)`;
  const sign = anomaly.deviation > 0 ? "+" : "−";
  return (
    `${days}: ${formatMoney(anomaly.actual, anomaly.currency)} against ${formatMoney(anomaly.expected, anomaly.currency)} expected ` +
    `(${sign}${formatMoney(Math.abs(anomaly.deviation), anomaly.currency)}), ${Math.abs(anomaly.z).toFixed(1)} × the usual noise; ${anomaly.severity} severity.`
  );
}
