/** The AAM connection registry's routes: CRUD and a health check per connection. */
import type { App } from "../../../context";
import { registerCreateConnection } from "./create";
import { registerListConnections } from "./list";
import { registerGetConnection } from "./get";
import { registerUpdateConnection } from "./update";
import { registerDeleteConnection } from "./delete";
import { registerTestConnection } from "./test";

export function registerConnectionRoutes(app: App): void {
  registerCreateConnection(app);
  registerListConnections(app);
  registerGetConnection(app);
  registerUpdateConnection(app);
  registerDeleteConnection(app);
  registerTestConnection(app);
}
