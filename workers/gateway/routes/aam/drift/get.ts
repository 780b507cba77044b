/** GET /api/v1/aam/drift/{id}: one of the caller's tenant's drift events; another tenant's is not found. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getDriftEvent } from "../../../../aam/drift/events";
import { DriftEventSchema, DriftIdParamsSchema, driftEventResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/drift/{id}",
  tags: ["aam"],
  summary: "Get a drift event",
  description: "The changes with their samples, whether they break the mapping, and the repair. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: DriftIdParamsSchema },
  responses: {
    200: { description: "The drift event", content: { "application/json": { schema: DriftEventSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetDrift = (app: App) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const event = await getDriftEvent(forTenant(database(c.env.DB), callerOf(c).tenantId), id);
    if (event === undefined) throw new ProblemError("not-found", `No drift event ${id}`);
    return c.json(driftEventResponse(event), 200);
  });
