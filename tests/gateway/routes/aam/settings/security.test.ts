import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../../workers/aam/matching/calibrate";
import { createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { getSettings, putSettingsRaw, putThreshold } from "../match/helpers";

const alice = await signUp();
const bob = await signUp();

describe("AAM settings, access and isolation", () => {
  it("need a credential", async () => {
    await expectProblem(await call("/api/v1/aam/settings"), 401, "unauthorized");
    await expectProblem(await call("/api/v1/aam/settings", { method: "PUT", body: { auto_apply_threshold: 0.9 } }), 401, "unauthorized");
  });

  it("are read with aam:read and changed only with aam:write", async () => {
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    const { key: other } = await createApiKey(alice.accessToken, ["dcl:read"]);
    const member = await memberToken(alice.tenantId);
    expect((await getSettings(reader)).auto_apply_threshold).toBeNull();
    await expectProblem(await call("/api/v1/aam/settings", { headers: { authorization: `Bearer ${other}` } }), 403, "forbidden");
    for (const token of [reader, member]) await expectProblem(await putSettingsRaw(token, { auto_apply_threshold: 0.6 }), 403, "forbidden");
    expect((await getSettings(alice.accessToken)).auto_apply_threshold).toBeNull();
    const { key: writer } = await createApiKey(alice.accessToken, ["aam:write"]);
    expect((await putSettingsRaw(writer, { auto_apply_threshold: 0.6 })).status).toBe(200);
  });

  it("are the caller's tenant's only", async () => {
    await putThreshold(alice.accessToken, 0.7);
    expect(await getSettings(bob.accessToken)).toMatchObject({ auto_apply_threshold: null, effective_auto_apply_threshold: DEFAULT_AUTO_APPLY_THRESHOLD });
    await putThreshold(bob.accessToken, 0.99);
    expect((await getSettings(alice.accessToken)).auto_apply_threshold).toBe(0.7);
  });
});
