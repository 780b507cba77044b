/** The DCL export route. */
import type { App } from "../../../context";
import { registerExportView } from "./get";

export function registerExportRoutes(app: App): void {
  registerExportView(app);
}
