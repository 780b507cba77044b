/**
 * The agents cron job: every tick, run each due agent for its tenant (due.ts), one after another, each its own
 * trace. A tenant's failure never stops the others: a failed pilot fails its own run (the runner records it), and
 * a run that cannot start (already running, e.g. an overlapping tick) is logged and skipped.
 */
import type { Env } from "../../env";
import { database, forTenant } from "../../platform/db";
import { randomHex } from "../../platform/ids";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { type AgentName, AgentNameSchema } from "./agent-name";
import { dueAgents } from "./due";
import type { Pilot } from "./pilot";
import { PILOTS } from "./registry";
import { runAgent } from "./runner";

/** Runs take seconds each; the rest wait for the next tick (every 5 minutes), most overdue first. */
const MAX_RUNS_PER_TICK = 20;

export async function runDueAgents(env: Env, now: Date, pilots: Record<AgentName, Pilot> = PILOTS): Promise<void> {
  const db = database(env.DB);
  const log = createLogger({ job: "agents" }, logLevel(env.LOG_LEVEL));
  for (const due of await dueAgents(db, AgentNameSchema.options, now, MAX_RUNS_PER_TICK)) {
    const traceId = randomHex(16);
    try {
      const run = await runAgent(env, forTenant(db, due.tenantId), pilots[due.agent], { trigger: "schedule", actor: "cron", now, traceId });
      log.info("scheduled agent run finished", { trace_id: traceId, tenant_id: due.tenantId, agent: due.agent, run_id: run.id, status: run.status });
    } catch (err) {
      log.warn("scheduled agent run could not start", { trace_id: traceId, tenant_id: due.tenantId, agent: due.agent, ...errorFields(err) });
    }
  }
}
