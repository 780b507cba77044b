/** The Write API's action routes: propose, list, get, approve, reject, retry. */
import type { App } from "../../../context";
import { registerApproveAction } from "./approve";
import { registerGetAction } from "./get";
import { registerListActions } from "./list";
import { registerRejectAction } from "./reject";
import { registerRetryAction } from "./retry";
import { registerSubmitAction } from "./submit";

export function registerActionRoutes(app: App): void {
  registerSubmitAction(app);
  registerListActions(app);
  registerGetAction(app);
  registerApproveAction(app);
  registerRejectAction(app);
  registerRetryAction(app);
}
