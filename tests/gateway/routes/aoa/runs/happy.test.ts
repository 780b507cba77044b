import { describe, expect, it } from "vitest";
import { RevOpsOutputsSchema } from "../../../../../workers/aoa/revops/outputs";
import { RunSchema } from "../../../../../workers/aoa/runs/run";
import { AgentRunPageSchema } from "../../../../../workers/gateway/routes/aoa/runs/list";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { RUNS, runPath } from "../agents/helpers";

const page = async (headers: Record<string, string>, query = "") => AgentRunPageSchema.parse(await (await call(`${RUNS}${query}`, { headers })).json());

async function runAll(headers: Record<string, string>, agents: string[]) {
  const ids: string[] = [];
  for (const agent of agents) ids.push(RunSchema.parse(await (await call(runPath(agent), { method: "POST", headers })).json()).id);
  return ids;
}

describe("GET /api/v1/aoa/runs", () => {
  it("lists the tenant's runs newest first, one agent's with `agent`, a page at a time", async () => {
    const headers = bearer((await tenantScope()).accessToken);
    const ids = await runAll(headers, ["revops", "finops", "revops"]);
    const all = await page(headers);
    expect(all.items.map((r) => [r.id, r.agent, r.trigger, r.status])).toEqual([
      [ids[2], "revops", "manual", "succeeded"],
      [ids[1], "finops", "manual", "succeeded"],
      [ids[0], "revops", "manual", "succeeded"],
    ]);
    expect(all.next_cursor).toBeNull();
    expect(all.items[0]).not.toHaveProperty("outputs");
    expect((await page(headers, "?agent=finops")).items.map((r) => r.id)).toEqual([ids[1]]);

    const first = await page(headers, "?limit=2");
    expect(first.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const second = await page(headers, `?limit=2&cursor=${first.next_cursor!}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], next_cursor: null });
    const revops = await page(headers, "?agent=revops&limit=1");
    expect((await page(headers, `?agent=revops&limit=1&cursor=${revops.next_cursor!}`)).items.map((r) => r.id)).toEqual([ids[0]]);
  });
});

describe("GET /api/v1/aoa/runs/{id}", () => {
  it("answers one run with the pilot's outputs and its summary", async () => {
    const headers = bearer((await tenantScope()).accessToken);
    const [id] = await runAll(headers, ["revops"]);
    const res = await call(`${RUNS}/${id!}`, { headers });
    expect(res.status).toBe(200);
    const run = RunSchema.parse(await res.json());
    expect(run).toMatchObject({ id, agent: "revops", status: "succeeded", summary_source: "text" });
    expect(run.summary).toMatch(/^RevOps: /);
    const outputs = RevOpsOutputsSchema.parse(run.outputs);
    expect(outputs.health.open_deals).toBe(0);
    expect((await page(headers)).items).toEqual([expect.objectContaining({ id, summary: run.summary, counts: run.counts })]);
  });
});
