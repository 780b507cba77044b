import { afterEach, describe, expect, it, vi } from "vitest";
import { revopsPilot } from "../../../../../workers/aoa/revops";
import { RunSchema } from "../../../../../workers/aoa/runs/run";
import { startRun } from "../../../../../workers/aoa/runs/runs-store";
import { DEFAULT_SETTINGS } from "../../../../../workers/aoa/runs/settings";
import { AgentListSchema } from "../../../../../workers/gateway/routes/aoa/agents/list";
import { AgentRunPageSchema } from "../../../../../workers/gateway/routes/aoa/runs/list";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { AGENTS, RUNS, runPath } from "./helpers";

const fieldsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path).sort();

afterEach(() => vi.restoreAllMocks());

describe("agent routes' refusals", () => {
  it("an unknown agent is a 404 for running it and for setting its schedule, naming the agents there are", async () => {
    const headers = bearer((await tenantScope()).accessToken);
    const problem = await expectProblem(await call(runPath("salesops"), { method: "POST", headers }), 404, "not-found");
    expect(problem.detail).toContain("revops, finops");
    await expectProblem(await call(`${AGENTS}/salesops`, { method: "PUT", headers, body: DEFAULT_SETTINGS }), 404, "not-found");
    expect(AgentRunPageSchema.parse(await (await call(RUNS, { headers })).json()).items).toEqual([]);
  });

  it("bad settings are reported per field and change nothing", async () => {
    const headers = bearer((await tenantScope()).accessToken);
    const put = (body: unknown) => call(`${AGENTS}/revops`, { method: "PUT", headers, body });
    expect(fieldsOf(await expectProblem(await put({ enabled: "yes", interval_minutes: 5 }), 400, "validation-error"))).toEqual(["body.enabled", "body.interval_minutes"]);
    expect(fieldsOf(await expectProblem(await put({ enabled: true, interval_minutes: 90.5 }), 400, "validation-error"))).toEqual(["body.interval_minutes"]);
    expect(fieldsOf(await expectProblem(await put({ enabled: true, interval_minutes: 43_201 }), 400, "validation-error"))).toEqual(["body.interval_minutes"]);
    expect(fieldsOf(await expectProblem(await put({}), 400, "validation-error"))).toEqual(["body.enabled", "body.interval_minutes"]);
    const agents = AgentListSchema.parse(await (await call(AGENTS, { headers })).json()).agents;
    expect(agents.map((a) => a.settings)).toEqual([DEFAULT_SETTINGS, DEFAULT_SETTINGS]);
  });

  it("409 while a run of the agent is in progress; the other agent still runs", async () => {
    const { scope, accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const running = await startRun(scope, { agent: "revops", trigger: "schedule", actor: "cron", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", now: new Date() });
    const problem = await expectProblem(await call(runPath("revops"), { method: "POST", headers }), 409, "conflict");
    expect(problem.detail).toContain("revops is already running");
    expect((await call(runPath("finops"), { method: "POST", headers })).status).toBe(200);
    const runs = AgentRunPageSchema.parse(await (await call(`${RUNS}?agent=revops`, { headers })).json()).items;
    expect(runs.map((r) => [r.id, r.status])).toEqual([[running.id, "running"]]);
  });

  it("a pilot that fails gives a 200 with the failed run and its problem, listed like any other run", async () => {
    vi.spyOn(revopsPilot, "run").mockRejectedValue(new Error("the views could not be read"));
    const headers = bearer((await tenantScope()).accessToken);
    const res = await call(runPath("revops"), { method: "POST", headers });
    expect(res.status).toBe(200);
    const run = RunSchema.parse(await res.json());
    expect(run).toMatchObject({
      status: "failed",
      summary: null,
      outputs: null,
      counts: { findings: 0, actions: 0 },
      error: { type: "https://autonomos.dev/problems/internal", status: 500, detail: "the views could not be read" },
    });
    expect(run.finished_at).not.toBeNull();
    const agents = AgentListSchema.parse(await (await call(AGENTS, { headers })).json()).agents;
    expect(agents[0]!.last_run).toMatchObject({ id: run.id, status: "failed" });
  });
});
