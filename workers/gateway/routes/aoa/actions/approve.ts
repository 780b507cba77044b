/** POST /api/v1/aoa/actions/{id}/approve: let a held action run now. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { approveAction } from "../../../../aoa/actions/approve";
import { actionResponse, requireAction } from "../../../../aoa/actions/store";
import { ActionSchema } from "../../../../aoa/actions/types";
import { ActionIdParamsSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/actions/{id}/approve",
  tags: ["aoa"],
  summary: "Approve an action",
  description:
    "Executes a `pending_approval` action with the plan it was proposed with; the answer is the action after the " +
    "execution, `succeeded` or `failed` with the error. 409 when the action is not pending. Requires the " +
    "`actions:approve` scope.",
  middleware: [requireScope("actions:approve")] as const,
  request: { params: ActionIdParamsSchema },
  responses: {
    200: { description: "The executed action", content: { "application/json": { schema: ActionSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerApproveAction = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const action = await requireAction(scope, c.req.valid("param").id);
    return c.json(actionResponse(await approveAction(c.env, scope, action, caller.actorId, c.get("trace").traceId)), 200);
  });
