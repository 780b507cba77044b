import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cronJobs } from "../../../../workers/pipeline/scheduled";
import { runDueAgents } from "../../../../workers/aoa/runs/cron";
import { listRuns } from "../../../../workers/aoa/runs/runs-store";
import { putAgentSettings } from "../../../../workers/aoa/runs/settings";
import type { TenantScope } from "../../../../workers/platform/db";
import { fileConnection, newTenant } from "../../../helpers/pipeline";
import { at, result, scriptedPilot } from "../helpers";

/** Pilots that record which tenants they ran for; the second tenant's revops throws. */
function recordingPilots(failFor?: string) {
  const ran: string[] = [];
  const pilot = (name: "revops" | "finops") => {
    const { pilot: p } = scriptedPilot([result([])], name);
    return {
      ...p,
      run: async (ctx: Parameters<typeof p.run>[0]) => {
        ran.push(`${ctx.scope.tenantId}:${name}`);
        if (ctx.scope.tenantId === failFor && name === "revops") throw new Error("boom");
        return p.run(ctx);
      },
    };
  };
  return { pilots: { revops: pilot("revops"), finops: pilot("finops") }, ran };
}

const scheduled = async (scope: TenantScope) => (await listRuns(scope, {}, { limit: 50 })).map((r) => [r.agent, r.trigger, r.status, r.actor]).sort();

describe("the agents cron job", () => {
  it("runs each enabled agent of tenants with a connection once its interval has passed, and no one else", async () => {
    const withConnection = await newTenant();
    await fileConnection(withConnection, {}, at(0));
    const withoutConnection = await newTenant();
    const disabled = await newTenant();
    await fileConnection(disabled, {}, at(0));
    await putAgentSettings(disabled, "finops", { enabled: false, interval_minutes: 60 }, at(0));
    await putAgentSettings(withConnection, "finops", { enabled: true, interval_minutes: 60 }, at(0));
    const mine = (ran: string[]) => ran.filter((r) => [withConnection, withoutConnection, disabled].some((s) => r.startsWith(`${s.tenantId}:`))).sort();

    const tick1 = recordingPilots();
    await runDueAgents(env, at(1), tick1.pilots);
    expect(mine(tick1.ran)).toEqual([`${disabled.tenantId}:revops`, `${withConnection.tenantId}:finops`, `${withConnection.tenantId}:revops`].sort());
    expect(await scheduled(withConnection)).toEqual([
      ["finops", "schedule", "succeeded", "cron"],
      ["revops", "schedule", "succeeded", "cron"],
    ]);
    expect(await scheduled(withoutConnection)).toEqual([]);

    // 61 minutes later only the hourly finops is due again; the daily revops is not until 1,440 minutes passed
    const tick2 = recordingPilots();
    await runDueAgents(env, at(62), tick2.pilots);
    expect(mine(tick2.ran)).toEqual([`${withConnection.tenantId}:finops`]);
    const tick3 = recordingPilots();
    await runDueAgents(env, at(1 + 1440), tick3.pilots);
    expect(mine(tick3.ran)).toEqual([`${disabled.tenantId}:revops`, `${withConnection.tenantId}:finops`, `${withConnection.tenantId}:revops`].sort());
  });

  it("goes on with the other tenants when one tenant's run fails", async () => {
    const failing = await newTenant();
    await fileConnection(failing, {}, at(0));
    const healthy = await newTenant();
    await fileConnection(healthy, {}, at(0));
    const { pilots, ran } = recordingPilots(failing.tenantId);
    await runDueAgents(env, at(1), pilots);
    expect(ran).toEqual(expect.arrayContaining([`${failing.tenantId}:revops`, `${failing.tenantId}:finops`, `${healthy.tenantId}:revops`, `${healthy.tenantId}:finops`]));
    expect(await scheduled(failing)).toEqual([
      ["finops", "schedule", "succeeded", "cron"],
      ["revops", "schedule", "failed", "cron"],
    ]);
    expect(await scheduled(healthy)).toEqual([
      ["finops", "schedule", "succeeded", "cron"],
      ["revops", "schedule", "succeeded", "cron"],
    ]);
  });

  it("is registered with the cron entry point", () => {
    expect(Object.keys(cronJobs)).toContain("agents");
  });
});
