/** The AAM quarantine routes: list and replay. */
import type { App } from "../../../context";
import { registerListQuarantine } from "./list";
import { registerReplayQuarantine } from "./replay";

export function registerQuarantineRoutes(app: App): void {
  registerListQuarantine(app);
  registerReplayQuarantine(app);
}
