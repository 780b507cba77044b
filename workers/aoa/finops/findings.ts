/** An anomaly episode as a `cost_anomaly` finding, and the period as one `cost_summary` finding. */
import type { FindingDraft } from "../runs/finding";
import type { Episode } from "./episodes";
import { seriesKeyOf, type CostSeries } from "./series";

export type AnomalySeverity = "low" | "medium" | "high";

export interface SeverityOptions {
  /** |deviation| (currency units, over the episode) from which it is medium … */
  mediumAmount: number;
  /** … and high */
  highAmount: number;
  /** below this |z| the severity is one step lower: a marginal deviation, however expensive */
  strongZ: number;
}

export const DEFAULT_SEVERITY: SeverityOptions = { mediumAmount: 100, highAmount: 1000, strongZ: 9 };

const STEPS: AnomalySeverity[] = ["low", "medium", "high"];

export function severityOf(episode: Pick<Episode, "deviation" | "z">, options: SeverityOptions = DEFAULT_SEVERITY): AnomalySeverity {
  const amount = Math.abs(episode.deviation);
  const byAmount = amount >= options.highAmount ? 2 : amount >= options.mediumAmount ? 1 : 0;
  const step = Math.abs(episode.z) >= options.strongZ ? byAmount : Math.max(0, byAmount - 1);
  return STEPS[step] as AnomalySeverity;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;
const money = (value: number, currency: string) => `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** "Amazon EC2 in prod (AWS)" */
export function seriesName(series: CostSeries): string {
  const account = series.sub_account_name ?? series.sub_account_id ?? "no sub-account";
  return `${series.service_name ?? "Unnamed service"} in ${account}${series.provider_name === null ? "" : ` (${series.provider_name})`}`;
}

/** The anomaly's identity across runs: series (with currency) and the day it began. */
/** An anomaly's days and figures, rounded to cents, as findings and the run's outputs report them. */
export const episodeFigures = (episode: Episode) => ({
  day: episode.day,
  last_day: episode.last_day,
  days: episode.days,
  actual: round2(episode.actual),
  expected: round2(episode.expected),
  deviation: round2(episode.deviation),
  z: round2(episode.z),
  direction: episode.direction,
});

export const anomalyKey = (series: CostSeries, episode: Pick<Episode, "day">) => `${seriesKeyOf(series)}|${episode.day}`;

export function anomalyTitle(series: CostSeries, episode: Episode): string {
  const change = episode.expected > 0 ? ` (${episode.deviation > 0 ? "+" : ""}${Math.round((episode.deviation / episode.expected) * 100)}%)` : "";
  const what = episode.direction === "up" ? "rose" : "fell";
  const when = episode.days === 1 ? `on ${episode.day}` : `for ${episode.days} days from ${episode.day}`;
  return `${seriesName(series)} cost ${what} ${money(Math.abs(episode.deviation), series.currency)}${change} ${when}`;
}

export function anomalyFinding(series: CostSeries, episode: Episode, severity: AnomalySeverity): FindingDraft {
  return {
    kind: "cost_anomaly",
    severity,
    subject: { entity: "cost", id: series.id, name: seriesName(series) },
    title: anomalyTitle(series, episode),
    explanation: episode.first.explanation,
    metrics: {
      provider_name: series.provider_name,
      service_name: series.service_name,
      sub_account_id: series.sub_account_id,
      currency: series.currency,
      ...episodeFigures(episode),
    },
    fingerprint: `cost_anomaly:${anomalyKey(series, episode)}`,
  };
}

export interface SpendTotal {
  name: string;
  currency: string;
  total: number;
}

export function summaryFinding(period: { from: string; to: string }, byCurrency: Map<string, number>, topServices: SpendTotal[], anomalies: number, series: number): FindingDraft {
  const spend = [...byCurrency].map(([currency, total]) => money(total, currency)).join(", ");
  return {
    kind: "cost_summary",
    severity: "info",
    subject: null,
    title: `Spend ${period.from} to ${period.to}: ${spend === "" ? "none" : spend}; ${anomalies} recent ${anomalies === 1 ? "anomaly" : "anomalies"}`,
    explanation: topServices.map((service) => {
      const total = byCurrency.get(service.currency) ?? 0;
      const share = total === 0 ? 0 : service.total / total;
      return { factor: "service", value: service.name, effect: round2(service.total), detail: `${money(service.total, service.currency)}, ${Math.round(share * 100)}% of the ${service.currency} spend` };
    }),
    metrics: { from: period.from, to: period.to, spend: Object.fromEntries([...byCurrency].map(([currency, total]) => [currency, round2(total)])), series, anomalies },
    // one summary per tenant, refreshed by each run
    fingerprint: "cost_summary",
  };
}
