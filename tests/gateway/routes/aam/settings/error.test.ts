import { describe, expect, it } from "vitest";
import { signUp } from "../../../../helpers/auth";
import { expectProblem } from "../../../../helpers/http";
import { getSettings, putSettingsRaw, putThreshold } from "../match/helpers";

const alice = await signUp();
await putThreshold(alice.accessToken, 0.95);

describe("PUT /api/v1/aam/settings, bad bodies", () => {
  it.each([0.49, 1.01, -1, "0.9", true])("refuses %j with 400 and leaves the threshold as it was", async (value) => {
    const problem = await expectProblem(await putSettingsRaw(alice.accessToken, { auto_apply_threshold: value }), 400, "validation-error");
    expect(problem.errors!.map((e) => e.path)).toEqual(["body.auto_apply_threshold"]);
    expect((await getSettings(alice.accessToken)).auto_apply_threshold).toBe(0.95);
  });

  it("refuses a body without the threshold (null must be said, not implied)", async () => {
    const problem = await expectProblem(await putSettingsRaw(alice.accessToken, {}), 400, "validation-error");
    expect(problem.errors!.map((e) => e.path)).toEqual(["body.auto_apply_threshold"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    await expectProblem(await putSettingsRaw(alice.accessToken, "{"), 400, "malformed-body");
  });
});
