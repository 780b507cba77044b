/** The agents (pilots) the platform runs, by name: the path parameter, the runs' and findings' `agent`. */
import { z } from "@hono/zod-openapi";

export const AgentNameSchema = z.enum(["revops", "finops"]).openapi("AgentName");
export type AgentName = z.infer<typeof AgentNameSchema>;
