/** Every route of the gateway, registered in one place so the OpenAPI document sees them all. */
import type { App } from "../context";
import { registerHealth } from "./health";
import { registerAuthRoutes } from "./auth";
import { registerAuditRoutes } from "./audit";
import { registerConnectionRoutes } from "./aam/connections";
import { registerIngestRoutes } from "./aam/ingest";
import { registerRunRoutes } from "./aam/runs";
import { registerEventRoutes } from "./aam/events";
import { registerQuarantineRoutes } from "./aam/quarantine";
import { registerMappingRoutes } from "./aam/mappings";
import { registerCanonicalRoutes } from "./aam/canonical";

export function registerRoutes(app: App): void {
  registerHealth(app);
  registerAuthRoutes(app);
  registerAuditRoutes(app);
  registerConnectionRoutes(app);
  registerIngestRoutes(app);
  registerRunRoutes(app);
  registerEventRoutes(app);
  registerQuarantineRoutes(app);
  registerMappingRoutes(app);
  registerCanonicalRoutes(app);
}
