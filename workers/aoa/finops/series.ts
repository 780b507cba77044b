/**
 * Cost rows of the `cost` view → one daily series per (provider, service, sub-account) and currency, over a fixed
 * window of days, so that every series has a value for every day from its first (a day without rows cost 0).
 */
import type { MaterializedCostRow } from "../../platform/db/schema";
import { addDays, daysBetween, dayOfTimestamp, type Day } from "./days";

/** The cost view's fields the pilot reads (FOCUS columns, see workers/canonical/cost.ts). */
export type CostRow = Pick<
  MaterializedCostRow,
  | "charge_period_start"
  | "billed_cost"
  | "effective_cost"
  | "billing_currency"
  | "provider_name"
  | "service_name"
  | "sub_account_id"
  | "sub_account_name"
  | "tags"
  | "charge_category"
>;
/** The view columns of CostRow, for the loader's projection. */
export const COST_ROW_FIELDS = [
  "charge_period_start",
  "billed_cost",
  "effective_cost",
  "billing_currency",
  "provider_name",
  "service_name",
  "sub_account_id",
  "sub_account_name",
  "tags",
  "charge_category",
] as const satisfies readonly (keyof CostRow)[];

export interface SeriesKey {
  provider_name: string | null;
  service_name: string | null;
  sub_account_id: string | null;
  currency: string;
}

export interface CostSeries extends SeriesKey {
  /** "<provider>|<service>|<sub_account>": the finding subject's id */
  id: string;
  sub_account_name: string | null;
  /** the latest rows' tags win (owner, team, cost-center …) */
  tags: Record<string, string>;
  /** the window's first day; values[i] is the cost of addDays(start, i) */
  start: Day;
  values: number[];
  total: number;
}

export interface DayWindow {
  from: Day;
  /** inclusive */
  to: Day;
}

/**
 * Only usage and purchases measure consumption: credits, taxes and adjustments are bookkeeping that lands on
 * arbitrary days (a credit is a negative spike, a tax a monthly one), so they would be "anomalies" of nobody's use.
 * Rows without a category are taken as usage (exports that do not fill ChargeCategory are usage-only).
 */
const isConsumption = (row: CostRow) => row.charge_category === null || row.charge_category === "Usage" || row.charge_category === "Purchase";

/** Effective cost (after discounts and amortized commitments) is what was really spent; billed when absent. */
const costOf = (row: CostRow) => row.effective_cost ?? row.billed_cost;

const part = (value: string | null) => value ?? "(none)";
export const seriesIdOf = (key: Omit<SeriesKey, "currency">) => `${part(key.provider_name)}|${part(key.service_name)}|${part(key.sub_account_id)}`;
/** The series' identity including its currency (two currencies of one account are two series). */
export const seriesKeyOf = (key: SeriesKey) => `${seriesIdOf(key)}|${key.currency}`;

export function buildDailySeries(rows: readonly CostRow[], window: DayWindow): CostSeries[] {
  const length = daysBetween(window.from, window.to) + 1;
  // a series starts on its first day with a row: the days before a service existed are not days it cost 0, and
  // counting them so would make its first day a "spike" from nothing
  const byKey = new Map<string, CostSeries & { tagsDay: Day; firstIndex: number }>();
  for (const row of rows) {
    if (!isConsumption(row)) continue;
    const day = dayOfTimestamp(row.charge_period_start);
    if (day === null) continue;
    const index = daysBetween(window.from, day);
    if (index < 0 || index >= length) continue;
    const key: SeriesKey = { provider_name: row.provider_name, service_name: row.service_name, sub_account_id: row.sub_account_id, currency: row.billing_currency.toUpperCase() };
    const mapKey = seriesKeyOf(key);
    let series = byKey.get(mapKey);
    if (series === undefined) {
      series = { ...key, id: seriesIdOf(key), sub_account_name: null, tags: {}, tagsDay: window.from, firstIndex: index, start: window.from, values: new Array<number>(length).fill(0), total: 0 };
      byKey.set(mapKey, series);
    }
    series.firstIndex = Math.min(series.firstIndex, index);
    const cost = costOf(row);
    series.values[index] = (series.values[index] as number) + cost;
    series.total += cost;
    if (row.sub_account_name !== null) series.sub_account_name = row.sub_account_name;
    if (row.tags !== null && day >= series.tagsDay) {
      series.tags = { ...series.tags, ...row.tags };
      series.tagsDay = day;
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { tagsDay: _tagsDay, firstIndex, ...series }]) => ({ ...series, start: addDays(window.from, firstIndex), values: series.values.slice(firstIndex) }));
}

/** The day of each value of a series. */
export const seriesDays = (series: Pick<CostSeries, "start" | "values">): Day[] => series.values.map((_, index) => addDays(series.start, index));
