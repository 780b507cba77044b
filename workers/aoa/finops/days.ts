/** Calendar days as ISO dates ("2026-03-14", UTC): the unit of every cost series. */
const DAY_MS = 86_400_000;

export type Day = string;

export const dayOf = (instant: Date): Day => instant.toISOString().slice(0, 10);

/** The UTC day of a timestamp string, or null when it does not parse. */
export function dayOfTimestamp(value: string): Day | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : dayOf(new Date(time));
}

export const addDays = (day: Day, days: number): Day => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: Day): number => new Date(`${day}T00:00:00Z`).getUTCDay();

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
