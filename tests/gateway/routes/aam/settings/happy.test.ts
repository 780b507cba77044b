import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../../workers/aam/matching/calibrate";
import { signUp } from "../../../../helpers/auth";
import { getSettings, putThreshold } from "../match/helpers";

const alice = await signUp();
const defaults = { default_auto_apply_threshold: DEFAULT_AUTO_APPLY_THRESHOLD };

describe("GET and PUT /api/v1/aam/settings", () => {
  it("shows the default for a new tenant", async () => {
    expect(await getSettings(alice.accessToken)).toEqual({ auto_apply_threshold: null, effective_auto_apply_threshold: DEFAULT_AUTO_APPLY_THRESHOLD, ...defaults });
  });

  it("sets a threshold, shows it in effect, and keeps it", async () => {
    expect(await putThreshold(alice.accessToken, 0.97)).toEqual({ auto_apply_threshold: 0.97, effective_auto_apply_threshold: 0.97, ...defaults });
    expect(await getSettings(alice.accessToken)).toEqual({ auto_apply_threshold: 0.97, effective_auto_apply_threshold: 0.97, ...defaults });
  });

  it("takes both ends of the range", async () => {
    expect((await putThreshold(alice.accessToken, 0.5)).effective_auto_apply_threshold).toBe(0.5);
    expect((await putThreshold(alice.accessToken, 1)).effective_auto_apply_threshold).toBe(1);
  });

  it("goes back to the default with null", async () => {
    await putThreshold(alice.accessToken, 0.8);
    expect(await putThreshold(alice.accessToken, null)).toEqual({ auto_apply_threshold: null, effective_auto_apply_threshold: DEFAULT_AUTO_APPLY_THRESHOLD, ...defaults });
    expect((await getSettings(alice.accessToken)).auto_apply_threshold).toBeNull();
  });
});
