/**
 * Anomalous days of a cost series: the robust z-score against the seasonal baseline (baseline.ts) is past the
 * threshold AND the deviation is worth money. Both are needed: z alone flags cents on tiny series, the amount alone
 * flags ordinary noise on big ones. Spikes and drops flag on their days; a level shift flags its first days, until
 * the short level window has moved to the new level.
 */
import { DEFAULT_BASELINE, baseline, type BaselineOptions } from "./baseline";
import { WEEKDAY_NAMES, weekdayOf, type Day } from "./days";
import { seriesDays, type CostSeries } from "./series";

export interface DetectOptions extends BaselineOptions {
  zThreshold: number;
  /** the smallest |actual − expected| worth an anomaly, in the series' currency */
  minDeviation: number;
}

export const DEFAULT_DETECT: DetectOptions = { ...DEFAULT_BASELINE, zThreshold: 4.5, minDeviation: 5 };

export interface ExplanationFactor {
  factor: string;
  value: unknown;
  /** currency units: the factors' effects add up to the actual cost */
  effect: number;
  detail: string;
}

export interface Anomaly {
  day: Day;
  actual: number;
  expected: number;
  deviation: number;
  z: number;
  direction: "up" | "down";
  explanation: ExplanationFactor[];
}

export interface DayPoint {
  day: Day;
  actual: number;
  /** null before the baseline has enough history */
  expected: number | null;
  anomaly: boolean;
}

export interface Detection {
  points: DayPoint[];
  anomalies: Anomaly[];
}

const money = (value: number) => value.toFixed(2);

function explain(day: Day, actual: number, level: number, factor: number, expected: number, z: number, options: DetectOptions): ExplanationFactor[] {
  const weekday = WEEKDAY_NAMES[weekdayOf(day)];
  return [
    { factor: "baseline_level", value: level, effect: level, detail: `a typical day costs ${money(level)} (median of the last ${options.levelDays} days, weekday-adjusted)` },
    { factor: "weekday_pattern", value: factor, effect: expected - level, detail: `${weekday}s run at ${Math.round(factor * 100)}% of a typical day (medians of the last ${options.windowDays} days)` },
    { factor: "deviation", value: z, effect: actual - expected, detail: `${money(actual)} against ${money(expected)} expected: ${Math.abs(z).toFixed(1)} times the usual day-to-day noise` },
  ];
}

export function detectAnomalies(series: Pick<CostSeries, "start" | "values">, options: DetectOptions = DEFAULT_DETECT): Detection {
  const days = seriesDays(series);
  const expectations = baseline(series.values, days, options);
  const points: DayPoint[] = [];
  const anomalies: Anomaly[] = [];
  series.values.forEach((actual, index) => {
    const day = days[index] as Day;
    const expectation = expectations[index] ?? null;
    if (expectation === null) {
      points.push({ day, actual, expected: null, anomaly: false });
      return;
    }
    const deviation = actual - expectation.expected;
    const z = deviation / expectation.scale;
    const anomalous = Math.abs(z) > options.zThreshold && Math.abs(deviation) > options.minDeviation;
    points.push({ day, actual, expected: expectation.expected, anomaly: anomalous });
    if (anomalous) {
      anomalies.push({
        day,
        actual,
        expected: expectation.expected,
        deviation,
        z,
        direction: deviation > 0 ? "up" : "down",
        explanation: explain(day, actual, expectation.level, expectation.factor, expectation.expected, z, options),
      });
    }
  });
  return { points, anomalies };
}
