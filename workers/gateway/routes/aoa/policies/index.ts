/** The Write API's approval policy routes. */
import type { App } from "../../../context";
import { registerGetPolicies } from "./get";
import { registerSetPolicies } from "./put";

export function registerPolicyRoutes(app: App): void {
  registerGetPolicies(app);
  registerSetPolicies(app);
}
