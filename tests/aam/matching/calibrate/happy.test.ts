import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_APPLY_THRESHOLD, NULL_FLOOR, extrasConfidence, targetConfidence } from "../../../../workers/aam/matching/calibrate";

describe("calibration", () => {
  const scores = [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1];

  it("is monotone in the raw score and in the margin", () => {
    for (const margin of [0, 0.1, 0.3]) {
      const confidences = scores.map((score) => targetConfidence(score, margin));
      confidences.slice(1).forEach((confidence, index) => expect(confidence).toBeGreaterThan(confidences[index] ?? 1));
    }
    for (const score of scores) expect(targetConfidence(score, 0.3)).toBeGreaterThan(targetConfidence(score, 0.05));
  });

  it("keeps probabilities in 0–1 and the default threshold reachable only with a clear lead", () => {
    for (const score of scores) {
      expect(targetConfidence(score, 1)).toBeLessThanOrEqual(1);
      expect(targetConfidence(score, 0)).toBeGreaterThanOrEqual(0);
    }
    expect(targetConfidence(0.95, 0.5)).toBeGreaterThanOrEqual(DEFAULT_AUTO_APPLY_THRESHOLD);
    expect(targetConfidence(0.55, 0)).toBeLessThan(DEFAULT_AUTO_APPLY_THRESHOLD);
  });

  it("is surer of extras the further the best target stays under the floor", () => {
    expect(extrasConfidence(0)).toBeGreaterThan(extrasConfidence(NULL_FLOOR - 0.1));
    expect(extrasConfidence(NULL_FLOOR - 0.1)).toBeGreaterThan(extrasConfidence(NULL_FLOOR + 0.2));
  });
});
