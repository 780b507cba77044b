import { describe, expect, it } from "vitest";
import { RevOpsOutputsSchema } from "../../../../../workers/aoa/revops/outputs";
import { RunSchema } from "../../../../../workers/aoa/runs/run";
import { DEFAULT_SETTINGS } from "../../../../../workers/aoa/runs/settings";
import { ActionPageSchema } from "../../../../../workers/gateway/routes/aoa/actions/list";
import { FindingPageSchema } from "../../../../../workers/gateway/routes/aoa/findings/list";
import { AgentListSchema } from "../../../../../workers/gateway/routes/aoa/agents/list";
import { AgentSchema } from "../../../../../workers/gateway/routes/aoa/agents/schemas";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { AGENTS, FINDINGS, OPEN_DEALS, RUNS, runPath, tenantWithPipeline } from "./helpers";

const listAgents = async (headers: Record<string, string>) => AgentListSchema.parse(await (await call(AGENTS, { headers })).json()).agents;

describe("GET /api/v1/aoa/agents", () => {
  it("lists both pilots with the default schedule and no run yet", async () => {
    const agents = await listAgents(bearer((await signUp()).accessToken));
    expect(agents.map((a) => [a.name, a.settings, a.last_run])).toEqual([
      ["revops", DEFAULT_SETTINGS, null],
      ["finops", DEFAULT_SETTINGS, null],
    ]);
    for (const agent of agents) expect(agent.title.length * agent.description.length).toBeGreaterThan(0);
  });
});

describe("PUT /api/v1/aoa/agents/{agent}", () => {
  it("stores the tenant's schedule for that agent only, and the list shows it", async () => {
    const headers = bearer((await signUp()).accessToken);
    const res = await call(`${AGENTS}/finops`, { method: "PUT", headers, body: { enabled: false, interval_minutes: 120 } });
    expect(res.status).toBe(200);
    expect(AgentSchema.parse(await res.json())).toMatchObject({ name: "finops", settings: { enabled: false, interval_minutes: 120 }, last_run: null });
    const again = await call(`${AGENTS}/finops`, { method: "PUT", headers, body: { enabled: true, interval_minutes: 60 } });
    expect(AgentSchema.parse(await again.json()).settings).toEqual({ enabled: true, interval_minutes: 60 });
    const agents = await listAgents(headers);
    expect(agents.map((a) => [a.name, a.settings])).toEqual([
      ["revops", DEFAULT_SETTINGS],
      ["finops", { enabled: true, interval_minutes: 60 }],
    ]);
  });
});

describe("POST /api/v1/aoa/agents/{agent}/run", () => {
  it("runs RevOps over deals that went through the pipeline: a succeeded run with findings, outputs and a summary", async () => {
    const { accessToken } = await tenantWithPipeline();
    const headers = bearer(accessToken);
    const res = await call(runPath("revops"), { method: "POST", headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const run = RunSchema.parse(await res.json());
    expect(run).toMatchObject({ agent: "revops", trigger: "manual", status: "succeeded", error: null, summary_source: "text", trace_id: res.headers.get("x-trace-id") });
    expect(run.actor).toMatch(/^usr_/);
    expect(run.finished_at).not.toBeNull();

    const outputs = RevOpsOutputsSchema.parse(run.outputs);
    expect(outputs.scores).toHaveLength(OPEN_DEALS.length);
    expect(outputs.win_rates.overall).toMatchObject({ wins: 2, losses: 1 });
    expect(outputs.health.open_deals).toBe(OPEN_DEALS.length);
    expect(run.summary).toContain(`${run.counts.findings} findings`);

    const findings = FindingPageSchema.parse(await (await call(`${FINDINGS}?run_id=${run.id}&limit=200`, { headers })).json()).items;
    expect(findings).toHaveLength(run.counts.findings);
    expect(run.counts.findings_new).toBe(run.counts.findings);
    const scored = findings.filter((f) => f.kind === "deal_score").map((f) => f.subject?.name);
    expect(scored.sort()).toEqual([...OPEN_DEALS].sort());
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(["pipeline_health", "forecast"]));
    for (const f of findings) expect(f).toMatchObject({ agent: "revops", run_id: run.id, status: "open" });
    // the slipped deal's score explains the slip
    const big = findings.find((f) => f.kind === "deal_score" && f.subject?.name === "Big deal")!;
    expect(big.explanation.find((e) => e.factor === "close_date_slips")?.value).toMatchObject({ count: 1 });

    // every proposed action is accounted for; the deals came from files (read-only), so no score write-back is
    // proposed and nothing fails
    expect(run.action_ids).toHaveLength(run.counts.actions);
    expect(run.action_errors).toEqual([]);
    expect(run.counts.actions_failed).toBe(0);
    const actions = ActionPageSchema.parse(await (await call("/api/v1/aoa/actions?limit=200", { headers })).json()).items;
    expect(actions.map((a) => a.id).sort()).toEqual([...run.action_ids].sort());
    for (const action of actions) expect(action.actor).toEqual({ type: "agent", id: "revops" });

    const stored = RunSchema.parse(await (await call(`${RUNS}/${run.id}`, { headers })).json());
    expect(stored).toEqual(run);
    const [revops] = await listAgents(headers);
    expect(revops!.last_run).toEqual(expect.objectContaining({ id: run.id, status: "succeeded", counts: run.counts }));
  });

  it("runs both agents for a tenant without data: only the summary findings (empty pipeline, forecast, costs), no actions", async () => {
    const headers = bearer((await signUp()).accessToken);
    const runs = [];
    for (const agent of ["revops", "finops"]) {
      const res = await call(runPath(agent), { method: "POST", headers });
      expect(res.status, await res.clone().text()).toBe(200);
      runs.push(RunSchema.parse(await res.json()));
    }
    expect(runs.map((r) => [r.agent, r.status, r.counts.findings, r.counts.actions, r.counts.actions_failed])).toEqual([
      ["revops", "succeeded", 2, 0, 0],
      ["finops", "succeeded", 1, 0, 0],
    ]);
    const findings = FindingPageSchema.parse(await (await call(FINDINGS, { headers })).json()).items;
    expect(findings.map((f) => [f.agent, f.kind]).sort()).toEqual([
      ["finops", "cost_summary"],
      ["revops", "forecast"],
      ["revops", "pipeline_health"],
    ]);
  });
});
