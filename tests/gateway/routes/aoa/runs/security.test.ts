import { describe, expect, it } from "vitest";
import { RunSchema } from "../../../../../workers/aoa/runs/run";
import { AgentRunPageSchema } from "../../../../../workers/gateway/routes/aoa/runs/list";
import { bearer, createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { tenantScope } from "../../../../helpers/normalize";
import { RUNS, runPath } from "../agents/helpers";

const a = await tenantScope();
const asA = bearer(a.accessToken);
const run = RunSchema.parse(await (await call(runPath("revops"), { method: "POST", headers: asA })).json());

describe("run routes' credentials, scopes and tenants", () => {
  it("no credentials is 401", async () => {
    await expectProblem(await call(RUNS), 401, "unauthorized");
    await expectProblem(await call(`${RUNS}/${run.id}`), 401, "unauthorized");
  });

  it("members and agents:read keys read runs; a key without agents:read is 403", async () => {
    for (const headers of [bearer(await memberToken(a.scope.tenantId)), bearer((await createApiKey(a.accessToken, ["agents:read"])).key)]) {
      expect(AgentRunPageSchema.parse(await (await call(RUNS, { headers })).json()).items.map((r) => r.id)).toEqual([run.id]);
      expect((await call(`${RUNS}/${run.id}`, { headers })).status).toBe(200);
    }
    const writer = bearer((await createApiKey(a.accessToken, ["actions:write", "agents:run"])).key);
    await expectProblem(await call(RUNS, { headers: writer }), 403, "forbidden");
    await expectProblem(await call(`${RUNS}/${run.id}`, { headers: writer }), 403, "forbidden");
  });

  it("tenant B neither lists nor reads tenant A's run", async () => {
    const asB = bearer((await tenantScope()).accessToken);
    await expectProblem(await call(`${RUNS}/${run.id}`, { headers: asB }), 404, "not-found");
    expect(AgentRunPageSchema.parse(await (await call(RUNS, { headers: asB })).json()).items).toEqual([]);
  });
});
