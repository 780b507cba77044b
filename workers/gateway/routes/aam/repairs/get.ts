/** GET /api/v1/aam/repairs/{id}: one of the caller's tenant's mapping repairs; another tenant's is not found. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { requireRepair } from "../../../../aam/repair/store";
import { RepairIdParamsSchema, RepairSchema, repairResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/repairs/{id}",
  tags: ["aam"],
  summary: "Get a mapping repair",
  description: "Its field changes with confidence and reason, status, and the mapping versions it created. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: RepairIdParamsSchema },
  responses: {
    200: { description: "The repair", content: { "application/json": { schema: RepairSchema } } },
    ...problemResponses(401, 403, 404, 429),
  },
});

export const registerGetRepair = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    return c.json(repairResponse(await requireRepair(scope, c.req.valid("param").id)), 200);
  });
