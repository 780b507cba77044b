/** How the Agents page writes money, days and factor names. Times and shares: $lib/monitor/format. */

/** 12345.6, "EUR" → "€12,346"; a currency code Intl does not know (XXX: none given) is written after the number. */
export function formatMoney(value: number, currency: string): string {
  try {
    const digits = Math.abs(value) < 100 ? 2 : 0;
    return new Intl.NumberFormat("en", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  } catch {
    return `${new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** Axis ticks: 1200000 → "1.2M". */
export const formatCompact = (value: number): string => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(value);

/** "2026-11" → "Nov 2026"; null (deals without a close date) → "No close date". */
export function formatMonth(month: string | null): string {
  if (month === null) return "No close date";
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });
}

/** "2026-11-03" → "Nov 3"; the days are UTC calendar days. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "age_in_stage" → "Age in stage". */
export function humanize(name: string): string {
  const text = name.replaceAll("_", " ").trim();
  return text === "" ? name : text[0]!.toUpperCase() + text.slice(1);
}

/** A factor's or a plan's value as text: numbers rounded, objects as compact JSON, null as "—". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return new Intl.NumberFormat("en", { maximumFractionDigits: 3 }).format(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
