/**
 * Precision, recall and F1 of a detector against labelled anomalies, and the naive detector it is compared with.
 *
 * Matching rule: a detection is a (series, day). It is a true positive when its day lies within a label of the same
 * series (start..end inclusive: the days of a spike or drop, the first SHIFT_LABEL_DAYS days of a level shift), else
 * a false positive; precision = true positives / detections. A label is found when at least one detection matches
 * it; recall = labels found / labels. Several flagged days of one anomaly all count as true: each is a correct flag.
 */
import { daysBetween, type Day } from "./days";
import type { Detection } from "./detect";
import type { AnomalyLabel, GeneratedCosts } from "./generate";
import { buildDailySeries, seriesDays, seriesKeyOf, type CostSeries } from "./series";
import { mean, standardDeviation } from "./stats";

export type Detector = (series: CostSeries) => Pick<Detection, "anomalies">;

export interface DetectedDay {
  series_key: string;
  day: Day;
}

export interface Score {
  detections: number;
  truePositives: number;
  labels: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

const within = (day: Day, label: AnomalyLabel) => daysBetween(label.start, day) >= 0 && daysBetween(day, label.end) >= 0;

type Counts = Pick<Score, "detections" | "truePositives" | "labels" | "found">;

function withRates(counts: Counts): Score {
  // no detections (or no labels) are perfectly precise (or complete): nothing was claimed (or missed)
  const precision = counts.detections === 0 ? 1 : counts.truePositives / counts.detections;
  const recall = counts.labels === 0 ? 1 : counts.found / counts.labels;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

export function score(detected: readonly DetectedDay[], labels: readonly AnomalyLabel[]): Score {
  const matches = (d: DetectedDay, label: AnomalyLabel) => label.series_key === d.series_key && within(d.day, label);
  const truePositives = detected.filter((d) => labels.some((label) => matches(d, label))).length;
  const found = labels.filter((label) => detected.some((d) => matches(d, label))).length;
  return withRates({ detections: detected.length, truePositives, labels: labels.length, found });
}

/** Several data sets' scores as one: the counts summed, then the rates (micro-averaged). */
export function pooled(scores: readonly Score[]): Score {
  const sum = (key: keyof Counts) => scores.reduce((total, s) => total + s[key], 0);
  return withRates({ detections: sum("detections"), truePositives: sum("truePositives"), labels: sum("labels"), found: sum("found") });
}

/** Runs the detector on every series of the generated set and scores it. */
export function evaluateDetector(set: GeneratedCosts, detector: Detector): Score {
  const detected = buildDailySeries(set.rows, set).flatMap((series) =>
    detector(series).anomalies.map((anomaly) => ({ series_key: seriesKeyOf(series), day: anomaly.day })),
  );
  return score(detected, set.labels);
}

export interface NaiveOptions {
  windowDays: number;
  sigmas: number;
  minHistory: number;
  /** the same money floor as ours, so the comparison is about the baseline, not the floor */
  minDeviation: number;
}

export const DEFAULT_NAIVE: NaiveOptions = { windowDays: 28, sigmas: 3, minHistory: 14, minDeviation: 5 };

/** The textbook baseline: mean ± 3σ of the trailing window, no seasonality, no robustness. */
export function naiveDetect(series: Pick<CostSeries, "start" | "values">, options: NaiveOptions = DEFAULT_NAIVE): Pick<Detection, "anomalies"> {
  const days = seriesDays(series);
  const anomalies = series.values.flatMap((actual, index) => {
    if (index < options.minHistory) return [];
    const window = series.values.slice(Math.max(0, index - options.windowDays), index);
    const expected = mean(window) ?? 0;
    const sigma = standardDeviation(window) ?? 0;
    const deviation = actual - expected;
    if (Math.abs(deviation) <= options.sigmas * sigma || Math.abs(deviation) <= options.minDeviation) return [];
    const z = sigma === 0 ? Number.POSITIVE_INFINITY * Math.sign(deviation) : deviation / sigma;
    return [{ day: days[index] as Day, actual, expected, deviation, z, direction: deviation > 0 ? ("up" as const) : ("down" as const), explanation: [] }];
  });
  return { anomalies };
}
