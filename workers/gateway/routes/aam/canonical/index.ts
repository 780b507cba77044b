/** The canonical model routes: its JSON Schema, whole or per entity. */
import type { App } from "../../../context";
import { registerGetCanonicalEntity } from "./entity";
import { registerGetCanonicalModel } from "./get";

export function registerCanonicalRoutes(app: App): void {
  registerGetCanonicalModel(app);
  registerGetCanonicalEntity(app);
}
