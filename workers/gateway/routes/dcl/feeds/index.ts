/** The live WebSocket feeds, outside /api/v1 (where the console's run_worker_first paths expect them). */
import type { App } from "../../../context";
import { CHANNELS } from "../../../../dcl/live/messages";
import { registerDclFeed } from "./dcl";
import { registerLiveFlowFeed } from "./live-flow";

/** Authenticated and rate limited like the API (app.ts), but with no body: the rest of the chain has nothing to do. */
export const FEED_PATHS: readonly string[] = CHANNELS.map((channel) => `/${channel}`);

export function registerFeedRoutes(app: App): void {
  registerDclFeed(app);
  registerLiveFlowFeed(app);
}
