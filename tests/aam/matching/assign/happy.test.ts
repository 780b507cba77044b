import { describe, expect, it } from "vitest";
import { assignTargets } from "../../../../workers/aam/matching/assign";

describe("one-to-one assignment", () => {
  it("gives each target to at most one field, the one that fits it best", () => {
    // amt and amt_usd both look like `amount`; only one may have it
    expect(assignTargets([[0.9, 0.1], [0.8, 0.2]], 0.3)).toEqual([0, null]);
  });

  it("maximises the whole object, not each field greedily", () => {
    // greedy would give field 0 target 0 (0.9) and leave field 1 with nothing above the floor
    expect(assignTargets([[0.9, 0.85], [0.88, 0.1]], 0.3)).toEqual([1, 0]);
  });

  it("leaves fields below the floor in extras, any number of them", () => {
    expect(assignTargets([[0.2, 0.1], [0.25, 0.3], [0.1, 0.95]], 0.3)).toEqual([null, null, 1]);
  });

  it("handles more fields than targets and no fields at all", () => {
    const result = assignTargets([[0.9], [0.8], [0.7]], 0.3);
    expect(result).toEqual([0, null, null]);
    expect(assignTargets([], 0.3)).toEqual([]);
  });
});
