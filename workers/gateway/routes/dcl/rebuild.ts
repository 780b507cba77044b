/** POST /api/v1/dcl/rebuild: recompute the caller's tenant's views from its whole canonical stream. */
import { createRoute, z } from "@hono/zod-openapi";
import { perEntity } from "../../../canonical/per-entity";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { callerOf, requireAdminUser } from "../../middleware/auth/require";
import { withViewStore } from "../../../dcl/materialize/for-env";
import { rebuildViews } from "../../../dcl/materialize/rebuild";

export const RebuildResultSchema = z
  .object({
    events: z.number().int().openapi({ description: "Canonical events replayed" }),
    rows: z
      .object(perEntity(() => z.number().int()))
      .openapi({ description: "View rows per entity after the rebuild (tombstones included)" }),
  })
  .openapi("DclRebuildResult");

const route = createRoute({
  method: "post",
  path: "/api/v1/dcl/rebuild",
  tags: ["dcl"],
  summary: "Rebuild the views from the stream",
  description:
    "Forgets the tenant's materialized views and entity links and recomputes them from every canonical event. " +
    "The result is byte-identical to the incrementally maintained views. Only an admin user may call it.",
  middleware: [requireAdminUser()] as const,
  responses: {
    200: { description: "What was rebuilt", content: { "application/json": { schema: RebuildResultSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerRebuildViews = (app: App) =>
  app.openapi(route, async (c) => {
    return c.json(await withViewStore(c.env, callerOf(c).tenantId, rebuildViews), 200);
  });
