/** The AAM matching routes: the semantic field matcher. */
import type { App } from "../../../context";
import { registerMatchFields } from "./match";

export function registerMatchingRoutes(app: App): void {
  registerMatchFields(app);
}
