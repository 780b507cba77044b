/** Cost rows for the FinOps tests: every field a CostRow needs, usage in USD unless told otherwise. */
import type { CostRow } from "../../../workers/aoa/finops/series";

export const costRow = (day: string, cost: number, overrides: Partial<CostRow> = {}): CostRow => ({
  charge_period_start: `${day}T00:00:00Z`,
  billed_cost: cost,
  effective_cost: null,
  billing_currency: "USD",
  provider_name: "AWS",
  service_name: "Amazon EC2",
  sub_account_id: "111111111111",
  sub_account_name: "prod",
  tags: null,
  charge_category: "Usage",
  ...overrides,
});

/**
 * `days` days of one series' usage ending the day before `now`: weekdays about `weekday`, weekends 40% of it, with
 * a small repeating wobble; `shape(dayIndex, value)` changes a day (spikes, shifts).
 */
export function weeklyRows(now: Date, days: number, weekday: number, overrides: Partial<CostRow> = {}, shape: (index: number, value: number) => number = (_, v) => v): CostRow[] {
  const wobble = [2, -3, 1, 4, -2, 3, -1, 0, -4, 2, 1];
  const end = Date.parse(now.toISOString().slice(0, 10)) - 86_400_000;
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(end - (days - 1 - i) * 86_400_000);
    const dow = date.getUTCDay();
    const base = (dow === 0 || dow === 6 ? 0.4 : 1) * weekday * (1 + (wobble[i % wobble.length] as number) / 100);
    return costRow(date.toISOString().slice(0, 10), shape(i, base), overrides);
  });
}
