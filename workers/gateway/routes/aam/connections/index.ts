/** The AAM connection registry's routes: CRUD, a health check, "sync now", id reconciliation and file uploads per connection. */
import type { App } from "../../../context";
import { registerCreateConnection } from "./create";
import { registerListConnections } from "./list";
import { registerGetConnection } from "./get";
import { registerUpdateConnection } from "./update";
import { registerDeleteConnection } from "./delete";
import { registerTestConnection } from "./test";
import { registerSyncConnection } from "./sync";
import { registerReconcileConnection } from "./reconcile";
import { registerUploadFile } from "./files";

export function registerConnectionRoutes(app: App): void {
  registerCreateConnection(app);
  registerListConnections(app);
  registerGetConnection(app);
  registerUpdateConnection(app);
  registerDeleteConnection(app);
  registerTestConnection(app);
  registerSyncConnection(app);
  registerReconcileConnection(app);
  registerUploadFile(app);
}
