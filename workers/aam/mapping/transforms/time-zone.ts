/**
 * Wall-clock time in a named IANA zone → UTC, with Intl only (no tz database of our own). Ambiguous times (the
 * hour repeated when clocks go back) resolve to the earlier instant; times that do not exist (skipped when clocks
 * go forward) are errors, since any instant we picked would be a guess.
 */
import { ValueError } from "../errors";

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall time at `utcMs`, expressed as if it were UTC (milliseconds dropped). */
function wallClockAt(utcMs: number, zone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(utcMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

function offsetAt(utcMs: number, zone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallClockAt(whole, zone) - whole;
}

const WINDOW = 15 * 3600 * 1000;
/** Wall times repeat a lot in exports (dates without a time are all midnight), so conversions are remembered. */
const CACHE_LIMIT = 10_000;
const conversions = new Map<string, Map<number, number>>();

/** `wallMs` is the wall time read as if it were UTC; returns the real UTC instant. */
export function zonedWallTimeToUtc(wallMs: number, zone: string, shown: string): number {
  if (zone === "UTC") return wallMs;
  let cache = conversions.get(zone);
  if (cache === undefined) conversions.set(zone, (cache = new Map()));
  const known = cache.get(wallMs);
  if (known !== undefined) return known;
  const utc = convert(wallMs, zone, shown);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(wallMs, utc);
  return utc;
}

function convert(wallMs: number, zone: string, shown: string): number {
  // The offsets 15 hours either side cover every real offset (−12h…+14h) and any single transition near this
  // time (zones change at most once a day). Equal offsets: no transition, the answer is direct.
  const before = offsetAt(wallMs - WINDOW, zone);
  const after = offsetAt(wallMs + WINDOW, zone);
  if (before === after) return wallMs - before;
  const candidates = [wallMs - before, wallMs - after].filter((utc) => utc + offsetAt(utc, zone) === wallMs).sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest === undefined) throw new ValueError(`${shown} does not exist in ${zone} (clocks went forward)`);
  return earliest;
}
