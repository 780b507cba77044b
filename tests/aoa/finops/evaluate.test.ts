import { describe, expect, it } from "vitest";
import { detectAnomalies } from "../../../workers/aoa/finops/detect";
import { evaluateDetector, naiveDetect, pooled, score } from "../../../workers/aoa/finops/evaluate";
import { generateCosts, type AnomalyLabel } from "../../../workers/aoa/finops/generate";

const label = (start: string, end: string, series_key = "a"): AnomalyLabel => ({ series_key, kind: "spike", start, end, multiplier: 3 });

describe("scoring detections against labels", () => {
  it("counts a flag inside a label's days of the same series as true, and a label as found once", () => {
    const s = score(
      [
        { series_key: "a", day: "2026-03-02" },
        { series_key: "a", day: "2026-03-03" }, // same anomaly, second day: also a correct flag
        { series_key: "a", day: "2026-03-05" }, // after the label: false
        { series_key: "b", day: "2026-03-02" }, // another series: false
      ],
      [label("2026-03-02", "2026-03-03"), label("2026-03-10", "2026-03-10")],
    );
    expect(s).toMatchObject({ detections: 4, truePositives: 2, labels: 2, found: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it("pools several sets by their counts", () => {
    const a = score([{ series_key: "a", day: "2026-03-02" }], [label("2026-03-02", "2026-03-02")]);
    const b = score([{ series_key: "a", day: "2026-03-09" }, { series_key: "a", day: "2026-03-10" }], [label("2026-03-10", "2026-03-10"), label("2026-03-20", "2026-03-20")]);
    expect(pooled([a, b])).toMatchObject({ detections: 3, truePositives: 2, labels: 3, found: 2 });
    expect(pooled([a, b]).precision).toBeCloseTo(2 / 3, 9);
  });
});

// Measured with `npm run eval:finops -- --seeds 1,2,3,4,5` (pooled): ours precision 97.0%, recall 98.4%;
// naive precision 80.5%, recall 73.8%. The thresholds leave a margin under ours.
describe("precision and recall on generated costs with injected anomalies", () => {
  const seeds = [1, 2, 3, 4, 5];
  const sets = seeds.map((seed) => generateCosts({ seed }));
  const ours = pooled(sets.map((set) => evaluateDetector(set, (series) => detectAnomalies(series))));
  const naive = pooled(sets.map((set) => evaluateDetector(set, (series) => naiveDetect(series))));

  it("has enough labelled anomalies to mean something", () => {
    expect(ours.labels).toBeGreaterThanOrEqual(50);
  });

  it("finds the injected anomalies with few false alarms", () => {
    expect(ours.precision).toBeGreaterThanOrEqual(0.9);
    expect(ours.recall).toBeGreaterThanOrEqual(0.93);
    expect(ours.f1).toBeGreaterThanOrEqual(0.92);
  });

  it("beats the naive mean ± 3σ baseline measured on the same sets", () => {
    expect(ours.precision).toBeGreaterThan(naive.precision);
    expect(ours.recall).toBeGreaterThan(naive.recall);
    expect(ours.f1 - naive.f1).toBeGreaterThan(0.1);
  });
});
