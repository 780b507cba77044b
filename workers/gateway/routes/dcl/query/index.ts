/** The DCL query route. */
import type { App } from "../../../context";
import { registerRunQuery } from "./run";

export function registerQueryRoutes(app: App): void {
  registerRunQuery(app);
}
