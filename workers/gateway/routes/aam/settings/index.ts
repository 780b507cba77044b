/** The AAM settings routes: the tenant's auto-apply threshold. */
import type { App } from "../../../context";
import { registerGetAamSettings } from "./get";
import { registerPutAamSettings } from "./put";

export function registerAamSettingsRoutes(app: App): void {
  registerGetAamSettings(app);
  registerPutAamSettings(app);
}
