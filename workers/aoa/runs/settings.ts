/** A tenant's choices per agent (enabled, how often the scheduler runs it); without a row, the defaults. */
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { aoaAgentSettings, type AoaAgentSettingsRow } from "../../platform/db/aoa-runs-schema";
import type { AgentName } from "./agent-name";

/** Daily: the pilots read slowly changing pipeline and billing data. */
export const DEFAULT_INTERVAL_MINUTES = 1440;

export const AgentSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "Whether the scheduler runs it (on-demand runs are always allowed)" }),
    interval_minutes: z
      .number()
      .int()
      .min(60)
      .max(43_200)
      .openapi({ description: "How long after its last scheduled run the scheduler runs it again (1 hour to 30 days)", example: DEFAULT_INTERVAL_MINUTES }),
  })
  .openapi("AgentSettings");
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;

export const DEFAULT_SETTINGS: AgentSettings = { enabled: true, interval_minutes: DEFAULT_INTERVAL_MINUTES };

export const settingsOf = (row: Pick<AoaAgentSettingsRow, "enabled" | "intervalMinutes"> | undefined): AgentSettings =>
  row === undefined ? DEFAULT_SETTINGS : { enabled: row.enabled, interval_minutes: row.intervalMinutes };

/** Every agent's settings row the tenant has, by agent. */
export async function agentSettings(scope: TenantScope): Promise<Map<AgentName, AgentSettings>> {
  return new Map((await scope.select(aoaAgentSettings)).map((row) => [row.agent, settingsOf(row)]));
}

export async function putAgentSettings(scope: TenantScope, agent: AgentName, settings: AgentSettings, now: Date): Promise<AgentSettings> {
  const values = { enabled: settings.enabled, intervalMinutes: settings.interval_minutes, updatedAt: now.toISOString() };
  await scope.db
    .insert(aoaAgentSettings)
    .values({ ...values, tenantId: scope.tenantId, agent })
    .onConflictDoUpdate({ target: [aoaAgentSettings.tenantId, aoaAgentSettings.agent], set: values })
    .run();
  const [row] = await scope.select(aoaAgentSettings, eq(aoaAgentSettings.agent, agent));
  return settingsOf(row);
}
