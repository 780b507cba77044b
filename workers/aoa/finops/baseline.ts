/**
 * The expected cost of each day from the days before it: a robust level times a day-of-week factor, and the noise
 * to judge the day's deviation by.
 *
 * - Weekly seasonality: over the trailing `windowDays`, each weekday's factor is the median of that weekday's
 *   costs relative to their week (weekend dips of compute, flat storage). Multiplicative, because cost noise and
 *   weekly swings grow with spend. A weekday that is always 0 gets factor 0 (expected 0).
 * - Level: the median of the last `levelDays` seasonally adjusted costs (cost / factor). Short, so that after a
 *   level shift the baseline adapts within a few days; a median, so that a spike or drop does not move it.
 * - Scale: 1.4826 × the median absolute error of the baseline's own forecasts over the trailing window (weekday-
 *   adjusted), so it covers the noise of the costs and of the estimates alike, and one outlier does not move it.
 *   Floored (absolute and relative to the expected cost), so a flat series does not turn cents into a huge z-score.
 */
import { MAD_TO_SIGMA, median } from "./stats";
import { weekdayOf, type Day } from "./days";

export interface BaselineOptions {
  windowDays: number;
  levelDays: number;
  /** days of history before a day gets a forecast */
  minHistory: number;
  /** past forecasts needed before the scale (and so a verdict) is trusted */
  minForecasts: number;
  /** the scale is at least this much (currency units) … */
  minScale: number;
  /** … and at least this share of the expected cost */
  relativeScaleFloor: number;
}

export const DEFAULT_BASELINE: BaselineOptions = { windowDays: 28, levelDays: 7, minHistory: 14, minForecasts: 7, minScale: 0.5, relativeScaleFloor: 0.03 };

export interface Forecast {
  expected: number;
  /** the robust level (a typical day, seasonally adjusted) */
  level: number;
  /** the day-of-week factor applied to the level */
  factor: number;
}

export interface Expectation extends Forecast {
  /** the expected noise in currency units (already floored) */
  scale: number;
}

/**
 * The day-of-week factors (index 0 = Sunday) of the days `values[i]` falling on `weekdays[i]`: the median, per
 * weekday, of each day's ratio to the median of the 7 days around it. Ratios to a local level rather than to the
 * window's overall median, so that a trend or a level shift inside the window does not pass for seasonality.
 */
export function weekdayFactors(values: readonly number[], weekdays: readonly number[]): number[] {
  const ratios: number[][] = Array.from({ length: 7 }, () => []);
  values.forEach((value, i) => {
    const from = Math.max(0, Math.min(i - 3, values.length - 7));
    const local = median(values.slice(from, from + 7)) ?? 0;
    if (local > 0) ratios[weekdays[i] as number]?.push(value / local);
  });
  return ratios.map((perWeekday) => median(perWeekday) ?? 1);
}

/** The forecast of day `index` from the days before it, or null with too little history. */
export function forecastAt(values: readonly number[], days: readonly Day[], index: number, options: BaselineOptions = DEFAULT_BASELINE): Forecast | null {
  if (index < options.minHistory) return null;
  const from = Math.max(0, index - options.windowDays);
  const history = values.slice(from, index);
  const weekdays = days.slice(from, index).map(weekdayOf);
  const factors = weekdayFactors(history, weekdays);
  // only days whose weekday has spend say anything about the level
  const adjusted = history.flatMap((value, i) => {
    const factor = factors[weekdays[i] as number] as number;
    return factor > 0 ? [value / factor] : [];
  });
  const level = median(adjusted.slice(-options.levelDays)) ?? 0;
  const factor = factors[weekdayOf(days[index] as Day)] as number;
  return { expected: level * factor, level, factor };
}

/** Each day's expectation (null until there is enough history for the forecast and its scale). */
export function baseline(values: readonly number[], days: readonly Day[], options: BaselineOptions = DEFAULT_BASELINE): (Expectation | null)[] {
  const forecasts = values.map((_, index) => forecastAt(values, days, index, options));
  return forecasts.map((forecast, index) => {
    if (forecast === null) return null;
    const errors = forecasts
      .slice(Math.max(0, index - options.windowDays), index)
      .flatMap((past, i, window) => {
        if (past === null || past.factor <= 0) return [];
        const day = index - window.length + i;
        return [Math.abs((values[day] as number) - past.expected) / past.factor];
      });
    if (errors.length < options.minForecasts) return null;
    const noise = (median(errors) ?? 0) * MAD_TO_SIGMA;
    const scale = Math.max(noise * forecast.factor, options.minScale, options.relativeScaleFloor * forecast.expected);
    return { ...forecast, scale };
  });
}
