import { describe, expect, it } from "vitest";
import { FindingPageSchema } from "../../../../../workers/gateway/routes/aoa/findings/list";
import { bearer, createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { tenantScope } from "../../../../helpers/normalize";
import { FINDINGS, dismissPath, tenantWithFindings } from "../agents/helpers";

const a = await tenantWithFindings();
const asA = bearer(a.accessToken);
const findingsOf = async (headers: Record<string, string>, query = "") => FindingPageSchema.parse(await (await call(`${FINDINGS}${query}`, { headers })).json()).items;
const [target] = await findingsOf(asA, "?limit=1");

describe("finding routes' credentials, scopes and tenants", () => {
  it("no credentials is 401", async () => {
    await expectProblem(await call(FINDINGS), 401, "unauthorized");
    await expectProblem(await call(dismissPath(target!.id), { method: "POST" }), 401, "unauthorized");
  });

  it("a member and an agents:read key list findings but cannot dismiss them (403); the finding stays open", async () => {
    for (const headers of [bearer(await memberToken(a.scope.tenantId)), bearer((await createApiKey(a.accessToken, ["agents:read"])).key)]) {
      expect(await findingsOf(headers)).toHaveLength(3);
      await expectProblem(await call(dismissPath(target!.id), { method: "POST", headers }), 403, "forbidden");
    }
    expect((await findingsOf(asA, "?status=open")).map((f) => f.id)).toContain(target!.id);
  });

  it("a key without agents:read cannot list findings (403)", async () => {
    const writer = bearer((await createApiKey(a.accessToken, ["actions:write"])).key);
    await expectProblem(await call(FINDINGS, { headers: writer }), 403, "forbidden");
  });

  it("tenant B neither lists nor dismisses tenant A's findings (404)", async () => {
    const asB = bearer((await tenantScope()).accessToken);
    expect(await findingsOf(asB)).toEqual([]);
    expect(await findingsOf(asB, `?run_id=${a.run.id}`)).toEqual([]);
    await expectProblem(await call(dismissPath(target!.id), { method: "POST", headers: asB }), 404, "not-found");
    expect((await findingsOf(asA, "?status=open")).map((f) => f.id)).toContain(target!.id);
  });
});
