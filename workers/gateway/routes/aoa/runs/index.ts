/** The agent run routes: list and get. */
import type { App } from "../../../context";
import { registerGetAgentRun } from "./get";
import { registerListAgentRuns } from "./list";

export function registerAgentRunRoutes(app: App): void {
  registerListAgentRuns(app);
  registerGetAgentRun(app);
}
