/** Every route of the gateway, registered in one place so the OpenAPI document sees them all. */
import type { App } from "../context";
import { registerHealth } from "./health";

export function registerRoutes(app: App): void {
  registerHealth(app);
}
