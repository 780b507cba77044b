/** The pilots by name: what `/api/v1/aoa/agents/{agent}` and the scheduler resolve. */
import { ProblemError } from "../../gateway/problem";
import { finopsPilot } from "../finops";
import { revopsPilot } from "../revops";
import { type AgentName, AgentNameSchema } from "./agent-name";
import type { Pilot } from "./pilot";

export const PILOTS: Record<AgentName, Pilot> = { revops: revopsPilot, finops: finopsPilot };

/** The pilot of that name, or 404. */
export function requirePilot(name: string): Pilot {
  const parsed = AgentNameSchema.safeParse(name);
  if (!parsed.success) throw new ProblemError("not-found", `No agent ${name}; agents: ${AgentNameSchema.options.join(", ")}`);
  return PILOTS[parsed.data];
}
