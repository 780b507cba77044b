/** POST /api/v1/aoa/actions/{id}/reject: turn a held action down; it never runs. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { rejectAction } from "../../../../aoa/actions/reject";
import { actionResponse, requireAction } from "../../../../aoa/actions/store";
import { ActionSchema } from "../../../../aoa/actions/types";
import { ActionIdParamsSchema } from "./schemas";

export const RejectActionRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(2000).nullable().default(null).openapi({ description: "Why, for the proposer" }) })
  .openapi("RejectActionRequest");

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/actions/{id}/reject",
  tags: ["aoa"],
  summary: "Reject an action",
  description: "Marks a `pending_approval` action rejected, with an optional reason. 409 when the action is not pending. Requires the `actions:approve` scope.",
  middleware: [requireScope("actions:approve")] as const,
  request: {
    params: ActionIdParamsSchema,
    body: { required: false, content: { "application/json": { schema: RejectActionRequestSchema } } },
  },
  responses: {
    200: { description: "The rejected action", content: { "application/json": { schema: ActionSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 429),
  },
});

export const registerRejectAction = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const action = await requireAction(scope, c.req.valid("param").id);
    // without a body the validator passes {} through, so the default does not apply
    const reason = c.req.valid("json").reason ?? null;
    const rejected = await rejectAction(c.env, scope, action, { decidedBy: caller.actorId, reason }, c.get("trace").traceId);
    return c.json(actionResponse(rejected), 200);
  });
