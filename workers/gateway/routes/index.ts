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
import { registerDriftRoutes } from "./aam/drift";
import { registerMappingRoutes } from "./aam/mappings";
import { registerRepairRoutes } from "./aam/repairs";
import { registerCanonicalRoutes } from "./aam/canonical";
import { registerMatchingRoutes } from "./aam/matching";
import { registerAamSettingsRoutes } from "./aam/settings";
import { registerFeedRoutes } from "./dcl/feeds";
import { registerViewRoutes } from "./dcl/views";
import { registerQueryRoutes } from "./dcl/query";
import { registerExportRoutes } from "./dcl/export";
import { registerRebuildViews } from "./dcl/rebuild";
import { registerListRelationships } from "./dcl/relationships";
import { registerCatalogRoutes } from "./dcl/catalog";

export function registerRoutes(app: App): void {
  registerHealth(app);
  registerAuthRoutes(app);
  registerAuditRoutes(app);
  registerConnectionRoutes(app);
  registerIngestRoutes(app);
  registerRunRoutes(app);
  registerEventRoutes(app);
  registerQuarantineRoutes(app);
  registerDriftRoutes(app);
  registerMappingRoutes(app);
  registerRepairRoutes(app);
  registerCanonicalRoutes(app);
  registerMatchingRoutes(app);
  registerAamSettingsRoutes(app);
  registerFeedRoutes(app);
  registerViewRoutes(app);
  registerQueryRoutes(app);
  registerExportRoutes(app);
  registerRebuildViews(app);
  registerListRelationships(app);
  registerCatalogRoutes(app);
}
