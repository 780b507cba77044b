/** The AAM canonical stream's routes. */
import type { App } from "../../../context";
import { registerListEvents } from "./list";

export function registerEventRoutes(app: App): void {
  registerListEvents(app);
}
