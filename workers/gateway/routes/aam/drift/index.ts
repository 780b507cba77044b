/** The AAM drift routes: list, get, ignore. */
import type { App } from "../../../context";
import { registerGetDrift } from "./get";
import { registerIgnoreDrift } from "./ignore";
import { registerListDrift } from "./list";

export function registerDriftRoutes(app: App): void {
  registerListDrift(app);
  registerGetDrift(app);
  registerIgnoreDrift(app);
}
