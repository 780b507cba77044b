/** POST /api/v1/aam/repairs/{id}/reject: turn a pending repair down; its matches are remembered as wrong. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { rejectRepair } from "../../../../aam/repair/apply";
import { requireRepair } from "../../../../aam/repair/store";
import { RepairIdParamsSchema, RepairSchema, repairResponse } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/repairs/{id}/reject",
  tags: ["aam"],
  summary: "Reject a mapping repair",
  description:
    "Marks a pending repair rejected: the mapping stays as it is, the drift event is open again, and the matcher " +
    "remembers its matches as wrong for this tenant. 409 when the repair is not pending. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: RepairIdParamsSchema },
  responses: {
    200: { description: "The rejected repair", content: { "application/json": { schema: RepairSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerRejectRepair = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const repair = await requireRepair(scope, c.req.valid("param").id);
    return c.json(repairResponse(await rejectRepair(c.env, scope, repair, caller.actorId)), 200);
  });
