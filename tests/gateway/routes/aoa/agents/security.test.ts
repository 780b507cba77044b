import { describe, expect, it } from "vitest";
import { RunSchema } from "../../../../../workers/aoa/runs/run";
import { startRun } from "../../../../../workers/aoa/runs/runs-store";
import { DEFAULT_SETTINGS } from "../../../../../workers/aoa/runs/settings";
import { AgentListSchema } from "../../../../../workers/gateway/routes/aoa/agents/list";
import { AgentRunPageSchema } from "../../../../../workers/gateway/routes/aoa/runs/list";
import { bearer, createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { tenantScope } from "../../../../helpers/normalize";
import { AGENTS, RUNS, runPath } from "./helpers";

const listAgents = async (headers: Record<string, string>) => AgentListSchema.parse(await (await call(AGENTS, { headers })).json()).agents;
const runsOf = async (headers: Record<string, string>) => AgentRunPageSchema.parse(await (await call(RUNS, { headers })).json()).items;

describe("agent routes' credentials and scopes", () => {
  it("no credentials is 401 on every agent route", async () => {
    await expectProblem(await call(AGENTS), 401, "unauthorized");
    await expectProblem(await call(`${AGENTS}/revops`, { method: "PUT", body: DEFAULT_SETTINGS }), 401, "unauthorized");
    await expectProblem(await call(runPath("revops"), { method: "POST" }), 401, "unauthorized");
  });

  it("a member reads the agents but neither runs one nor changes its schedule", async () => {
    const { scope, accessToken } = await tenantScope();
    const member = bearer(await memberToken(scope.tenantId));
    expect((await listAgents(member)).map((a) => a.name)).toEqual(["revops", "finops"]);
    await expectProblem(await call(runPath("revops"), { method: "POST", headers: member }), 403, "forbidden");
    await expectProblem(await call(`${AGENTS}/revops`, { method: "PUT", headers: member, body: { enabled: false, interval_minutes: 60 } }), 403, "forbidden");
    expect(await runsOf(bearer(accessToken))).toEqual([]);
    expect((await listAgents(member))[0]!.settings).toEqual(DEFAULT_SETTINGS);
  });

  it("API keys: without agents:read nothing is listed, agents:read alone cannot run, agents:run runs as the key", async () => {
    const { accessToken } = await tenantScope();
    const writer = bearer((await createApiKey(accessToken, ["actions:write"])).key);
    await expectProblem(await call(AGENTS, { headers: writer }), 403, "forbidden");
    await expectProblem(await call(runPath("finops"), { method: "POST", headers: writer }), 403, "forbidden");
    const reader = bearer((await createApiKey(accessToken, ["agents:read"])).key);
    expect(await listAgents(reader)).toHaveLength(2);
    await expectProblem(await call(runPath("finops"), { method: "POST", headers: reader }), 403, "forbidden");
    const runnerKey = await createApiKey(accessToken, ["agents:run"]);
    const res = await call(runPath("finops"), { method: "POST", headers: bearer(runnerKey.key) });
    expect(res.status).toBe(200);
    expect(RunSchema.parse(await res.json())).toMatchObject({ agent: "finops", actor: runnerKey.id, status: "succeeded" });
  });

  it("one tenant's runs, settings and running agents are not another's", async () => {
    const tenantA = await tenantScope();
    const a = bearer(tenantA.accessToken);
    const b = bearer((await tenantScope()).accessToken);
    expect((await call(runPath("finops"), { method: "POST", headers: a })).status).toBe(200);
    expect((await call(`${AGENTS}/finops`, { method: "PUT", headers: a, body: { enabled: false, interval_minutes: 60 } })).status).toBe(200);
    expect((await listAgents(b)).map((agent) => [agent.name, agent.settings, agent.last_run])).toEqual([
      ["revops", DEFAULT_SETTINGS, null],
      ["finops", DEFAULT_SETTINGS, null],
    ]);
    // a run in progress for tenant A does not block tenant B
    await startRun(tenantA.scope, { agent: "finops", trigger: "schedule", actor: "cron", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", now: new Date() });
    expect((await call(runPath("finops"), { method: "POST", headers: b })).status).toBe(200);
    expect((await runsOf(b)).map((r) => [r.agent, r.status])).toEqual([["finops", "succeeded"]]);
  });
});
