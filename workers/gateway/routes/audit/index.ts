/** The audit log's routes: reading and verifying the caller's own tenant's chain. */
import type { App } from "../../context";
import { registerAuditList } from "./list";
import { registerAuditVerify } from "./verify";

export function registerAuditRoutes(app: App): void {
  registerAuditList(app);
  registerAuditVerify(app);
}
