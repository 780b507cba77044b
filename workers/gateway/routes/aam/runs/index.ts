/** The AAM sync run routes: one run with its counts, and a connection's runs. */
import type { App } from "../../../context";
import { registerGetRun } from "./get";
import { registerListRuns } from "./list";

export function registerRunRoutes(app: App): void {
  registerGetRun(app);
  registerListRuns(app);
}
