/** The DCL catalog routes: entities, sources, the lineage graph and a row's lineage. */
import type { App } from "../../../context";
import { registerCatalogEntities } from "./entities";
import { registerCatalogLineage } from "./lineage";
import { registerCatalogRowLineage } from "./row-lineage";
import { registerCatalogSources } from "./sources";

export function registerCatalogRoutes(app: App): void {
  registerCatalogEntities(app);
  registerCatalogSources(app);
  registerCatalogLineage(app);
  registerCatalogRowLineage(app);
}
