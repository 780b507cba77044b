/** The AAM mapping repair routes: list, get, approve, reject, roll back. */
import type { App } from "../../../context";
import { registerApproveRepair } from "./approve";
import { registerGetRepair } from "./get";
import { registerListRepairs } from "./list";
import { registerRejectRepair } from "./reject";
import { registerRollbackRepair } from "./rollback";

export function registerRepairRoutes(app: App): void {
  registerListRepairs(app);
  registerGetRepair(app);
  registerApproveRepair(app);
  registerRejectRepair(app);
  registerRollbackRepair(app);
}
