import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionByKey } from "../../../../workers/aoa/actions/store";
import { listFindings } from "../../../../workers/aoa/runs/findings-store";
import { deterministicNarrator } from "../../../../workers/aoa/runs/narrative";
import { runAgent } from "../../../../workers/aoa/runs/runner";
import { aoaFindings } from "../../../../workers/platform/db/aoa-runs-schema";
import { connectFeed } from "../../../helpers/feeds";
import { tenantScope } from "../../../helpers/normalize";
import { alert, at, finding, result, scriptedPilot } from "../helpers";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const LIVE_TRACE = "5cf92f3577b34da6a3ce929d0e0e4737";

const manual = (minutes: number, traceId = TRACE) => ({ trigger: "manual" as const, actor: "usr_test", now: at(minutes), traceId, narrator: deterministicNarrator });

async function findingsOf(scope: Awaited<ReturnType<typeof tenantScope>>["scope"]) {
  return (await listFindings(scope, {}, { limit: 100 })).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

describe("running an agent", () => {
  it("stores the run, its findings, outputs and summary", async () => {
    const { scope } = await tenantScope();
    const { pilot, calls } = scriptedPilot([result([finding("a", "high", { score: 31 }), finding("b")])]);
    const run = await runAgent(env, scope, pilot, manual(0));
    expect(run).toMatchObject({
      agent: "revops",
      trigger: "manual",
      status: "succeeded",
      actor: "usr_test",
      findings: 2,
      findingsNew: 2,
      findingsResolved: 0,
      outputs: { forecast: { amount: 1000 } },
      summarySource: "text",
      error: null,
      traceId: TRACE,
      createdAt: at(0).toISOString(),
      finishedAt: at(0).toISOString(),
    });
    expect(run.summary).toContain("2 findings (1 high, 1 medium)");
    expect(calls).toEqual([expect.objectContaining({ scope, now: at(0), traceId: TRACE })]);
    const stored = await findingsOf(scope);
    expect(stored.map((f) => [f.fingerprint, f.status, f.runId, f.severity])).toEqual([
      ["a", "open", run.id, "high"],
      ["b", "open", run.id, "medium"],
    ]);
    expect(stored[0]).toMatchObject({ metrics: { score: 31 }, subject: { entity: "opportunity", id: "opp_a", name: "Deal a" }, firstSeenAt: at(0).toISOString() });
  });

  it("deduplicates by fingerprint across runs: seen again updates in place, gone resolves, new opens", async () => {
    const { scope } = await tenantScope();
    const { pilot } = scriptedPilot([result([finding("a", "high", { score: 31 }), finding("b"), finding("c")]), result([finding("a", "medium", { score: 45 }), finding("d"), finding("d")])]);
    const first = await runAgent(env, scope, pilot, manual(0));
    const before = await findingsOf(scope);
    // a dismissed finding stays dismissed when it is no longer produced, and is not resolved
    await scope.update(aoaFindings, { status: "dismissed" }, eq(aoaFindings.fingerprint, "c"));
    const second = await runAgent(env, scope, pilot, manual(60));
    expect(second).toMatchObject({ status: "succeeded", findings: 2, findingsNew: 1, findingsResolved: 1 });
    const after = await findingsOf(scope);
    expect(after.map((f) => [f.fingerprint, f.status, f.runId])).toEqual([
      ["a", "open", second.id],
      ["b", "resolved", first.id],
      ["c", "dismissed", first.id],
      ["d", "open", second.id],
    ]);
    expect(after[0]).toMatchObject({
      id: before[0]!.id,
      severity: "medium",
      metrics: { score: 45 },
      firstSeenAt: at(0).toISOString(),
      lastSeenAt: at(60).toISOString(),
      createdAt: before[0]!.createdAt,
    });
  });

  it("opens a new finding when a resolved one recurs, keeping the resolved one as history", async () => {
    const { scope } = await tenantScope();
    const { pilot } = scriptedPilot([result([finding("a")]), result([]), result([finding("a")])]);
    for (const minutes of [0, 60, 120]) await runAgent(env, scope, pilot, manual(minutes));
    const rows = await findingsOf(scope);
    expect(rows.map((f) => f.status).sort()).toEqual(["open", "resolved"]);
    expect(rows.find((f) => f.status === "open")!.firstSeenAt).toBe(at(120).toISOString());
  });

  it("keeps each agent's findings apart: one agent's run never resolves another's", async () => {
    const { scope } = await tenantScope();
    await runAgent(env, scope, scriptedPilot([result([finding("a")])], "revops").pilot, manual(0));
    await runAgent(env, scope, scriptedPilot([result([])], "finops").pilot, manual(1));
    expect((await findingsOf(scope)).map((f) => [f.agent, f.status])).toEqual([["revops", "open"]]);
  });

  it("submits the proposed actions as the agent, records their ids, and a failed submission without failing the run", async () => {
    const { scope } = await tenantScope();
    const invalid = { ...alert("bad"), params: { ...alert("bad").params, title: "" } } as ReturnType<typeof alert>;
    const { pilot } = scriptedPilot([result([finding("a")], [alert("alert-a"), invalid, alert("alert-b")])]);
    const run = await runAgent(env, scope, pilot, manual(0));
    expect(run).toMatchObject({ status: "succeeded", actions: 2, actionsFailed: 1 });
    const [a, b] = [await actionByKey(scope, "alert-a"), await actionByKey(scope, "alert-b")];
    expect(run.actionIds).toEqual([a!.id, b!.id]);
    expect(a).toMatchObject({ type: "alert.create", actorType: "agent", actorId: "revops", traceId: TRACE });
    expect(await actionByKey(scope, "bad")).toBeUndefined();
    expect(run.actionErrors).toEqual([
      { type: "alert.create", idempotency_key: "bad", error: expect.objectContaining({ type: "https://autonomos.dev/problems/validation-error", status: 400 }) },
    ]);
    expect(run.summary).toContain("2 actions submitted");

    // the next run proposes the same actions: the Write API returns the same actions, nothing is done twice
    const again = await runAgent(env, scope, pilot, manual(60));
    expect(again.actionIds).toEqual(run.actionIds);
  });

  it("publishes the finished run on /live-flow", async () => {
    const { scope } = await tenantScope();
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow" });
    const run = await runAgent(env, scope, scriptedPilot([result([finding("a"), finding("b")], [alert("live-a")])]).pilot, manual(0, LIVE_TRACE));
    const agentEvents = (await flow.sync()).filter((m) => "stage" in m && m.stage === "agent");
    expect(agentEvents).toEqual([
      {
        type: "flow",
        seq: expect.any(Number),
        stage: "agent",
        agent: "revops",
        run_id: run.id,
        status: "succeeded",
        counts: { findings: 2, actions: 1 },
        trace_id: LIVE_TRACE,
        at: at(0).toISOString(),
      },
    ]);
  });
});
