/** The AAM push-ingest routes. */
import type { App } from "../../../context";
import { registerPushIngest } from "./push";

export function registerIngestRoutes(app: App): void {
  registerPushIngest(app);
}
