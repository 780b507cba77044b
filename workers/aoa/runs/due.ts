/**
 * The cron's question, "which agents are due for which tenants?", crosses tenants (nobody calls on a tenant's
 * behalf), like the connector schedule's. Tenants with at least one connection are considered: without one there
 * is no data for a pilot to read. An agent is due when enabled and its last scheduled run is older than its
 * interval (or it never ran on schedule). Whatever runs it then works through `forTenant` like everything else.
 */
import { and, eq, max } from "drizzle-orm";
import { type Database, schema } from "../../platform/db";
import { aoaAgentSettings, aoaRuns } from "../../platform/db/aoa-runs-schema";
import { inJson } from "../../platform/db/json-sets";
import type { AgentName } from "./agent-name";
import { DEFAULT_SETTINGS, settingsOf } from "./settings";

export interface DueAgent {
  tenantId: string;
  agent: AgentName;
  /** the last scheduled run's start; null when it never ran on schedule */
  lastScheduledAt: string | null;
}

const key = (tenantId: string, agent: string) => `${tenantId}\u0000${agent}`;

/** Due (tenant, agent) pairs, most overdue first (never run first), at most `limit`. */
export async function dueAgents(db: Database, agents: readonly AgentName[], now: Date, limit: number): Promise<DueAgent[]> {
  const tenantIds = (await db.selectDistinct({ tenantId: schema.connections.tenantId }).from(schema.connections).all()).map((r) => r.tenantId);
  if (tenantIds.length === 0) return [];
  const [settings, lastRuns] = await Promise.all([
    db.select().from(aoaAgentSettings).where(inJson(aoaAgentSettings.tenantId, tenantIds)).all(),
    db
      .select({ tenantId: aoaRuns.tenantId, agent: aoaRuns.agent, at: max(aoaRuns.createdAt) })
      .from(aoaRuns)
      .where(and(eq(aoaRuns.trigger, "schedule"), inJson(aoaRuns.tenantId, tenantIds)))
      .groupBy(aoaRuns.tenantId, aoaRuns.agent)
      .all(),
  ]);
  const settingsByKey = new Map(settings.map((row) => [key(row.tenantId, row.agent), settingsOf(row)]));
  const lastByKey = new Map(lastRuns.map((row) => [key(row.tenantId, row.agent), row.at]));
  const due = tenantIds.flatMap((tenantId) =>
    agents.flatMap((agent): DueAgent[] => {
      const { enabled, interval_minutes } = settingsByKey.get(key(tenantId, agent)) ?? DEFAULT_SETTINGS;
      if (!enabled) return [];
      const lastScheduledAt = lastByKey.get(key(tenantId, agent)) ?? null;
      const dueSince = lastScheduledAt === null ? 0 : Date.parse(lastScheduledAt) + interval_minutes * 60_000;
      return dueSince <= now.getTime() ? [{ tenantId, agent, lastScheduledAt }] : [];
    }),
  );
  return due.sort((a, b) => (a.lastScheduledAt ?? "").localeCompare(b.lastScheduledAt ?? "")).slice(0, limit);
}
