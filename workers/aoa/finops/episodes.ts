/**
 * Consecutive anomalous days of one series in one direction are one episode: a three-day spike or the first days of
 * a level shift are one event to report and act on, identified by the day it began.
 */
import { daysBetween, type Day } from "./days";
import type { Anomaly } from "./detect";

export interface Episode {
  /** the day it began: the anomaly's identity */
  day: Day;
  last_day: Day;
  days: number;
  direction: Anomaly["direction"];
  /** sums over the episode's days */
  actual: number;
  expected: number;
  deviation: number;
  /** the largest |z| of its days, signed */
  z: number;
  /** the first day's: why the change was flagged when it began */
  first: Anomaly;
}

export function groupEpisodes(anomalies: readonly Anomaly[]): Episode[] {
  const episodes: Episode[] = [];
  for (const anomaly of anomalies) {
    const current = episodes.at(-1);
    if (current !== undefined && current.direction === anomaly.direction && daysBetween(current.last_day, anomaly.day) === 1) {
      current.last_day = anomaly.day;
      current.days += 1;
      current.actual += anomaly.actual;
      current.expected += anomaly.expected;
      current.deviation += anomaly.deviation;
      if (Math.abs(anomaly.z) > Math.abs(current.z)) current.z = anomaly.z;
    } else {
      episodes.push({ day: anomaly.day, last_day: anomaly.day, days: 1, direction: anomaly.direction, actual: anomaly.actual, expected: anomaly.expected, deviation: anomaly.deviation, z: anomaly.z, first: anomaly });
    }
  }
  return episodes;
}
