/** POST /api/v1/aam/repairs/{id}/rollback: undo an applied repair with a new mapping version. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { rollbackRepair } from "../../../../aam/repair/apply";
import { requireRepair } from "../../../../aam/repair/store";
import { RepairIdParamsSchema, RepairSchema, RepairVersionSchema, repairResponse, repairVersionResponse } from "./schemas";

export const RolledBackRepairSchema = z.object({ repair: RepairSchema, version: RepairVersionSchema }).openapi("RolledBackRepair");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/repairs/{id}/rollback",
  tags: ["aam"],
  summary: "Roll back a mapping repair",
  description:
    "Appends a mapping version whose content is the version before the repair (versions are never deleted) and " +
    "opens the drift event again. 409 when the repair is not applied, when later versions followed it, or when it " +
    "created the object's first mapping. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: RepairIdParamsSchema },
  responses: {
    200: { description: "The rolled-back repair and the version that undid it", content: { "application/json": { schema: RolledBackRepairSchema } } },
    ...problemResponses(401, 403, 404, 409, 422, 429),
  },
});

export const registerRollbackRepair = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const rolledBack = await rollbackRepair(scope, await requireRepair(scope, c.req.valid("param").id), caller.actorId);
    return c.json({ repair: repairResponse(rolledBack.repair), version: repairVersionResponse(rolledBack.version) }, 200);
  });
