import { describe, expect, it } from "vitest";
import { baseline, weekdayFactors } from "../../../workers/aoa/finops/baseline";
import { addDays, weekdayOf } from "../../../workers/aoa/finops/days";
import { detectAnomalies } from "../../../workers/aoa/finops/detect";
import { naiveDetect } from "../../../workers/aoa/finops/evaluate";

// 2026-03-02 is a Monday; weekdays cost about 100, weekends about 40, with a small repeating wobble (±4%)
const START = "2026-03-02";
const wobble = [2, -3, 1, 4, -2, 3, -1, 0, -4, 2, 1];
const weekly = (days: number, weekday = 100, weekend = 40) =>
  Array.from({ length: days }, (_, i) => {
    const dow = weekdayOf(addDays(START, i));
    const level = dow === 0 || dow === 6 ? weekend : weekday;
    return level * (1 + (wobble[i % wobble.length] as number) / 100);
  });
const flaggedDays = (values: number[]) => detectAnomalies({ start: START, values }).anomalies.map((a) => a.day);

describe("seasonal baseline", () => {
  it("learns the weekend dip as day-of-week factors", () => {
    const values = weekly(28);
    const factors = weekdayFactors(values, values.map((_, i) => weekdayOf(addDays(START, i))));
    expect(factors[6]).toBeCloseTo(0.4, 1);
    expect(factors[0]).toBeCloseTo(0.4, 1);
    expect(factors[1]).toBeCloseTo(1, 1);
  });

  it("expects a weekday's cost on Monday and a weekend's on Saturday, with no verdict before enough history", () => {
    const values = weekly(57);
    const days = values.map((_, i) => addDays(START, i));
    const expectations = baseline(values, days);
    expect(expectations.slice(0, 21).every((e) => e === null)).toBe(true);
    const monday = expectations[56]; // 2026-04-27
    const saturday = expectations[54];
    expect(weekdayOf(days[56] as string)).toBe(1);
    expect(monday?.expected).toBeGreaterThan(90);
    expect(monday?.expected).toBeLessThan(110);
    expect(saturday?.expected).toBeGreaterThan(33);
    expect(saturday?.expected).toBeLessThan(47);
  });
});

describe("anomaly detection", () => {
  it("does not flag an ordinary week, weekend dips included", () => {
    expect(flaggedDays(weekly(63))).toEqual([]);
  });

  it("flags a Saturday at a weekday's level, which the naive window would call normal", () => {
    const values = weekly(63);
    const saturday = 54; // 2026-04-25
    expect(weekdayOf(addDays(START, saturday))).toBe(6);
    values[saturday] = 100;
    const { anomalies } = detectAnomalies({ start: START, values });
    expect(anomalies.map((a) => a.day)).toEqual(["2026-04-25"]);
    const [anomaly] = anomalies;
    expect(anomaly?.direction).toBe("up");
    expect(anomaly?.actual).toBe(100);
    expect(anomaly?.deviation).toBeCloseTo(100 - (anomaly?.expected ?? 0), 9);
    expect(anomaly?.z).toBeGreaterThan(4.5);
    // the explanation's effects add up to the actual cost: level + weekday pattern + deviation
    expect(anomaly?.explanation.map((f) => f.factor)).toEqual(["baseline_level", "weekday_pattern", "deviation"]);
    expect(anomaly?.explanation.reduce((sum, f) => sum + f.effect, 0)).toBeCloseTo(100, 6);
    // a weekday's cost is within the mean ± 3σ of a window that mixes weekdays and weekends
    expect(naiveDetect({ start: START, values }).anomalies).toEqual([]);
  });

  it("flags spikes and drops in both directions", () => {
    const values = weekly(63);
    values[45] = 400; // a Thursday
    values[52] = 10; // a Thursday
    const { anomalies } = detectAnomalies({ start: START, values });
    expect(anomalies.map((a) => [a.day, a.direction])).toEqual([
      [addDays(START, 45), "up"],
      [addDays(START, 52), "down"],
    ]);
  });

  it("flags the first days of a level shift, then adapts to the new level", () => {
    const values = weekly(84).map((value, i) => (i >= 49 ? value * 2 : value));
    const flagged = flaggedDays(values);
    expect(flagged[0]).toBe(addDays(START, 49));
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    // nothing flags after the first week of the new level
    expect(flagged.every((day) => day <= addDays(START, 55))).toBe(true);
  });

  it("does not flag cents on a flat series, nor anything on a zero series", () => {
    const flat = Array.from({ length: 63 }, () => 10);
    flat[50] = 10.3;
    flat[55] = 14;
    expect(flaggedDays(flat)).toEqual([]);
    expect(flaggedDays(Array.from({ length: 63 }, () => 0))).toEqual([]);
  });

  it("needs the money as well as the z-score: a large z on a tiny series is not an anomaly", () => {
    const tiny = weekly(63, 1, 0.4);
    tiny[50] = 4; // 4× the usual day, but 3 currency units
    expect(flaggedDays(tiny)).toEqual([]);
    tiny[50] = 40;
    expect(flaggedDays(tiny)).toEqual([addDays(START, 50)]);
  });
});
