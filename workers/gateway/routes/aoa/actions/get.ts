/** GET /api/v1/aoa/actions/{id}: one of the caller's tenant's actions; another tenant's is not found. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { actionResponse, requireAction } from "../../../../aoa/actions/store";
import { ActionSchema } from "../../../../aoa/actions/types";
import { ActionIdParamsSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/actions/{id}",
  tags: ["aoa"],
  summary: "Get an action",
  description: "Its request, plan, status, result or failure (a problem object) and attempts. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  request: { params: ActionIdParamsSchema },
  responses: {
    200: { description: "The action", content: { "application/json": { schema: ActionSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetAction = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    return c.json(actionResponse(await requireAction(scope, c.req.valid("param").id)), 200);
  });
