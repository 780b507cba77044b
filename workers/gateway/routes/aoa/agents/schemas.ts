/** The wire shapes of the agent routes: the `{agent}` path parameter and an agent with its settings and last run. */
import { z } from "@hono/zod-openapi";
import type { AoaRunRow } from "../../../../platform/db/aoa-runs-schema";
import { AgentNameSchema } from "../../../../aoa/runs/agent-name";
import type { Pilot } from "../../../../aoa/runs/pilot";
import { RunSummarySchema, runSummaryOf } from "../../../../aoa/runs/run";
import { type AgentSettings, AgentSettingsSchema } from "../../../../aoa/runs/settings";

// a plain string, not the enum: an unknown agent is a 404 (like an unknown id), not a validation error
export const AgentParamsSchema = z.object({
  agent: z
    .string()
    .min(1)
    .openapi({ param: { name: "agent", in: "path" }, description: `One of: ${AgentNameSchema.options.join(", ")}`, example: "revops" }),
});

export const AgentSchema = z
  .object({
    name: AgentNameSchema,
    title: z.string(),
    description: z.string().openapi({ description: "What the agent reads, decides and proposes" }),
    settings: AgentSettingsSchema,
    last_run: RunSummarySchema.nullable().openapi({ description: "Its newest run, manual or scheduled; null when it never ran" }),
  })
  .openapi("Agent");

export const agentResponse = (pilot: Pilot, settings: AgentSettings, lastRun: AoaRunRow | undefined): z.infer<typeof AgentSchema> => ({
  name: pilot.name,
  title: pilot.title,
  description: pilot.description,
  settings,
  last_run: lastRun === undefined ? null : runSummaryOf(lastRun),
});
