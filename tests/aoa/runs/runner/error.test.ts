import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ProblemError } from "../../../../workers/gateway/problem";
import { listFindings } from "../../../../workers/aoa/runs/findings-store";
import { deterministicNarrator } from "../../../../workers/aoa/runs/narrative";
import { runAgent } from "../../../../workers/aoa/runs/runner";
import { startRun } from "../../../../workers/aoa/runs/runs-store";
import type { FindingDraft } from "../../../../workers/aoa/runs/finding";
import { connectFeed } from "../../../helpers/feeds";
import { tenantScope } from "../../../helpers/normalize";
import { at, finding, result, scriptedPilot } from "../helpers";

const manual = (minutes: number) => ({ trigger: "manual" as const, actor: "usr_test", now: at(minutes), traceId: "6df92f3577b34da6a3ce929d0e0e4738", narrator: deterministicNarrator });

describe("an agent run that fails", () => {
  it("records the pilot's error as a problem, keeps earlier findings open, and publishes the failure", async () => {
    const { scope } = await tenantScope();
    const flow = await connectFeed(scope.tenantId, { channel: "live-flow" });
    const { pilot } = scriptedPilot([result([finding("a")]), new Error("the cost view is unreachable")]);
    await runAgent(env, scope, pilot, manual(0));
    const failed = await runAgent(env, scope, pilot, manual(60));
    expect(failed).toMatchObject({
      status: "failed",
      findings: 0,
      summary: null,
      outputs: null,
      finishedAt: at(60).toISOString(),
      error: { type: "https://autonomos.dev/problems/internal", title: "Internal error", status: 500, detail: "the cost view is unreachable" },
    });
    expect((await listFindings(scope, {}, { limit: 10 })).map((f) => f.status)).toEqual(["open"]);
    const events = (await flow.sync()).filter((m) => "stage" in m && m.stage === "agent").map((m) => ("status" in m ? m.status : null));
    expect(events).toEqual(["succeeded", "failed"]);
  });

  it("keeps a ProblemError's kind, and fails a run whose findings do not fit the schema, storing none", async () => {
    const { scope } = await tenantScope();
    const refused = await runAgent(env, scope, scriptedPilot([new ProblemError("source-unreachable", "Salesforce is down")]).pilot, manual(0));
    expect(refused.error).toEqual({ type: "https://autonomos.dev/problems/source-unreachable", title: expect.any(String), status: 502, detail: "Salesforce is down" });
    const bad = { ...finding("x"), severity: "critical" } as unknown as FindingDraft;
    const invalid = await runAgent(env, scope, scriptedPilot([result([finding("y"), bad])]).pilot, manual(1));
    expect(invalid.status).toBe("failed");
    expect(invalid.error!.detail).toContain("severity");
    expect(await listFindings(scope, {}, { limit: 10 })).toEqual([]);
  });

  it("refuses a second concurrent run of the same agent for the tenant (409), but not another agent's", async () => {
    const { scope } = await tenantScope();
    await startRun(scope, { agent: "revops", trigger: "manual", actor: "usr_test", traceId: "t", now: at(0) });
    const { pilot, calls } = scriptedPilot([result([])]);
    await expect(runAgent(env, scope, pilot, manual(1))).rejects.toMatchObject({ kind: "conflict" });
    expect(calls).toEqual([]);
    expect((await runAgent(env, scope, scriptedPilot([result([])], "finops").pilot, manual(1))).status).toBe("succeeded");
    // a run left `running` by a dead isolate stops blocking once stale
    expect((await runAgent(env, scope, pilot, manual(31))).status).toBe("succeeded");
  });
});
