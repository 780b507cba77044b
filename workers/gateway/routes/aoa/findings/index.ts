/** The agent finding routes: list and dismiss. */
import type { App } from "../../../context";
import { registerDismissFinding } from "./dismiss";
import { registerListFindings } from "./list";

export function registerFindingRoutes(app: App): void {
  registerListFindings(app);
  registerDismissFinding(app);
}
