/**
 * A seeded synthetic FOCUS-like cost data set with labelled anomalies, for evaluating the detector: several
 * providers, services and sub-accounts, weekly seasonality (weekend dips of compute, flat storage), a trend,
 * multiplicative noise, zero-cost series, credits and taxes (not anomalies), and injected spikes, drops and level
 * shifts. The same seed always gives the same rows and labels.
 */
import { addDays, weekdayOf, type Day } from "./days";
import { seriesKeyOf, type CostRow } from "./series";
import { between, gaussian, seededRandom } from "../../platform/seeded-random";

export type AnomalyKind = "spike" | "drop" | "level_shift";

export interface AnomalyLabel {
  /** seriesKeyOf: provider|service|sub_account|currency */
  series_key: string;
  kind: AnomalyKind;
  /** the days a detector should flag, inclusive: the spike or drop, or the first days of a shift */
  start: Day;
  end: Day;
  multiplier: number;
}

export interface GeneratedCosts {
  from: Day;
  to: Day;
  rows: CostRow[];
  labels: AnomalyLabel[];
}

export interface GenerateOptions {
  seed: number;
  days?: number;
  start?: Day;
}

/** A level shift is labelled over its first days: the baseline's level window (7 days) adapts within them. */
export const SHIFT_LABEL_DAYS = 7;
/** No anomaly before this day: the baseline needs a few weeks of history. */
const FIRST_ANOMALY_DAY = 35;
/** Days between two anomalies of one series, so that each is judged against a settled baseline. */
const ANOMALY_GAP = 21;

interface SeriesSpec {
  provider: string;
  service: string;
  subAccount: string;
  subAccountName: string;
  currency: string;
  /** Saturday and Sunday relative to a weekday */
  weekend: number;
  /** effective / billed (commitment discounts); null: the provider fills no effective cost */
  effectiveRatio: number | null;
  tags: Record<string, string> | null;
  zero?: true;
}

const PLATFORM = { owner: "platform-team@example.com", team: "platform", "cost-center": "CC-100" };
const DATA = { team: "data", "cost-center": "CC-200" };
const CATALOGUE: SeriesSpec[] = [
  { provider: "AWS", service: "Amazon Elastic Compute Cloud", subAccount: "111111111111", subAccountName: "prod", currency: "USD", weekend: 0.6, effectiveRatio: 0.72, tags: PLATFORM },
  { provider: "AWS", service: "Amazon Simple Storage Service", subAccount: "111111111111", subAccountName: "prod", currency: "USD", weekend: 1, effectiveRatio: 1, tags: PLATFORM },
  { provider: "AWS", service: "Amazon Relational Database Service", subAccount: "111111111111", subAccountName: "prod", currency: "USD", weekend: 0.9, effectiveRatio: 0.8, tags: PLATFORM },
  { provider: "AWS", service: "Amazon Elastic Compute Cloud", subAccount: "222222222222", subAccountName: "dev", currency: "USD", weekend: 0.3, effectiveRatio: 1, tags: { owner: "dev-leads@example.com" } },
  { provider: "AWS", service: "AWS Lambda", subAccount: "222222222222", subAccountName: "dev", currency: "USD", weekend: 0.5, effectiveRatio: 1, tags: null },
  { provider: "AWS", service: "Amazon CloudWatch", subAccount: "333333333333", subAccountName: "sandbox", currency: "USD", weekend: 1, effectiveRatio: 1, tags: null, zero: true },
  { provider: "Microsoft", service: "Virtual Machines", subAccount: "sub-eu-prod", subAccountName: "EU production", currency: "EUR", weekend: 0.7, effectiveRatio: 0.85, tags: { owner: "eu-ops@example.com" } },
  { provider: "Microsoft", service: "Storage", subAccount: "sub-eu-prod", subAccountName: "EU production", currency: "EUR", weekend: 1, effectiveRatio: 1, tags: { owner: "eu-ops@example.com" } },
  { provider: "Microsoft", service: "Azure SQL Database", subAccount: "sub-eu-test", subAccountName: "EU test", currency: "EUR", weekend: 0.4, effectiveRatio: 1, tags: null },
  { provider: "Google Cloud", service: "Compute Engine", subAccount: "analytics-prod", subAccountName: "analytics", currency: "USD", weekend: 0.65, effectiveRatio: null, tags: DATA },
  { provider: "Google Cloud", service: "BigQuery", subAccount: "analytics-prod", subAccountName: "analytics", currency: "USD", weekend: 0.35, effectiveRatio: null, tags: DATA },
  { provider: "Google Cloud", service: "Cloud Storage", subAccount: "analytics-prod", subAccountName: "analytics", currency: "USD", weekend: 1, effectiveRatio: null, tags: DATA },
  { provider: "Google Cloud", service: "Cloud DNS", subAccount: "analytics-prod", subAccountName: "analytics", currency: "USD", weekend: 1, effectiveRatio: null, tags: DATA, zero: true },
  { provider: "Google Cloud", service: "Cloud Run", subAccount: "web-staging", subAccountName: "web staging", currency: "USD", weekend: 0.5, effectiveRatio: null, tags: null },
];

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

interface Injection {
  kind: AnomalyKind;
  at: number;
  length: number;
  multiplier: number;
}

function injections(next: () => number, days: number): Injection[] {
  const roll = next();
  const count = roll < 0.2 ? 0 : roll < 0.7 ? 1 : 2;
  const planned: Injection[] = [];
  let earliest = FIRST_ANOMALY_DAY;
  for (let n = 0; n < count; n++) {
    const latest = days - SHIFT_LABEL_DAYS - (count - n - 1) * ANOMALY_GAP;
    if (latest <= earliest) break;
    const at = Math.floor(between(next, earliest, latest));
    const kind = (["spike", "drop", "level_shift"] as const)[Math.floor(next() * 3)] as AnomalyKind;
    const length = kind === "level_shift" ? days - at : 1 + Math.floor(next() * 3);
    const up = kind === "spike" || (kind === "level_shift" && next() < 0.6);
    const multiplier = kind === "level_shift" ? (up ? between(next, 1.7, 2.5) : between(next, 0.35, 0.6)) : up ? between(next, 1.8, 4) : between(next, 0.05, 0.45);
    planned.push({ kind, at, length, multiplier });
    earliest = at + Math.max(length, SHIFT_LABEL_DAYS) + ANOMALY_GAP;
    if (kind === "level_shift") break; // a shift lasts to the end of the set
  }
  return planned;
}

function emit(rows: CostRow[], spec: SeriesSpec, day: Day, cost: number, category: "Usage" | "Credit" | "Tax", next: () => number): void {
  // a day's usage arrives as a few resource rows, as in real exports
  const parts = category === "Usage" ? 1 + Math.floor(next() * 3) : 1;
  let left = cost;
  for (let p = 0; p < parts; p++) {
    const share = p === parts - 1 ? left : left * between(next, 0.2, 0.7);
    left -= share;
    const billed = round4(share);
    rows.push({
      charge_period_start: `${day}T00:00:00Z`,
      billed_cost: billed,
      effective_cost: spec.effectiveRatio === null ? null : round4(billed * spec.effectiveRatio),
      billing_currency: spec.currency,
      provider_name: spec.provider,
      service_name: spec.service,
      sub_account_id: spec.subAccount,
      sub_account_name: spec.subAccountName,
      tags: spec.tags,
      charge_category: category,
    });
  }
}

export function generateCosts(options: GenerateOptions): GeneratedCosts {
  const days = options.days ?? 120;
  const from = options.start ?? "2026-01-05";
  const next = seededRandom(options.seed);
  const rows: CostRow[] = [];
  const labels: AnomalyLabel[] = [];
  for (const spec of CATALOGUE) {
    const level = Math.exp(between(next, Math.log(20), Math.log(3000)));
    const trend = between(next, -0.002, 0.004);
    const noise = between(next, 0.03, 0.1);
    const weekdayWobble = Array.from({ length: 7 }, () => between(next, -0.05, 0.05));
    const planned = spec.zero === true ? [] : injections(next, days);
    const key = { provider_name: spec.provider, service_name: spec.service, sub_account_id: spec.subAccount, currency: spec.currency };
    for (const injection of planned) {
      const labelDays = injection.kind === "level_shift" ? SHIFT_LABEL_DAYS : injection.length;
      labels.push({ series_key: seriesKeyOf(key), kind: injection.kind, start: addDays(from, injection.at), end: addDays(from, injection.at + labelDays - 1), multiplier: injection.multiplier });
    }
    for (let i = 0; i < days; i++) {
      const day = addDays(from, i);
      if (spec.zero === true) {
        emit(rows, spec, day, 0, "Usage", next);
        continue;
      }
      const weekday = weekdayOf(day);
      const seasonal = weekday === 0 || weekday === 6 ? spec.weekend : 1 + (weekdayWobble[weekday] as number);
      const injected = planned.filter((p) => i >= p.at && i < p.at + p.length).reduce((product, p) => product * p.multiplier, 1);
      const cost = Math.max(0, level * (1 + trend) ** i * seasonal * injected * (1 + noise * gaussian(next)));
      emit(rows, spec, day, cost, "Usage", next);
      // bookkeeping that must not read as anomalies: occasional credits, monthly tax
      if (next() < 0.05) emit(rows, spec, day, -level * between(next, 0.5, 3), "Credit", next);
      if (day.endsWith("-01")) emit(rows, spec, day, level * 30 * 0.08, "Tax", next);
    }
  }
  return { from, to: addDays(from, days - 1), rows, labels };
}

