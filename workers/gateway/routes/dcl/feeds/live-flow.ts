/** GET /live-flow (WebSocket): the caller's tenant's pipeline events as they happen. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { requireScope } from "../../../middleware/auth/require";
import { SinceQuery, UpgradeHeadersSchema, openFeed, upgradeResponses } from "./upgrade";

const route = createRoute({
  method: "get",
  path: "/live-flow",
  tags: ["aam"],
  summary: "Live pipeline events (WebSocket)",
  description:
    "One `flow` message per pipeline step: `stage` received, mapped, quarantined, drift or materialized, with `run_id`, " +
    "`connection_id`, `object`, `counts` and `trace_id`, each with the tenant's /live-flow `seq`. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { headers: UpgradeHeadersSchema, query: z.object({ since: SinceQuery }) },
  responses: upgradeResponses,
});

export const registerLiveFlowFeed = (app: App) =>
  app.openapi(route, (c) => openFeed(c, { channel: "live-flow", since: c.req.valid("query").since }));
