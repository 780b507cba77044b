/** The agent routes: list the agents, set one's schedule, run one now. */
import type { App } from "../../../context";
import { registerListAgents } from "./list";
import { registerPutAgentSettings } from "./put";
import { registerRunAgent } from "./run";

export function registerAgentRoutes(app: App): void {
  registerListAgents(app);
  registerPutAgentSettings(app);
  registerRunAgent(app);
}
