/** POST /api/v1/aoa/actions/{id}/retry: run a failed action again. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { retryAction } from "../../../../aoa/actions/execute";
import { actionResponse, requireAction } from "../../../../aoa/actions/store";
import { ActionSchema } from "../../../../aoa/actions/types";
import { ActionIdParamsSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/actions/{id}/retry",
  tags: ["aoa"],
  summary: "Retry a failed action",
  description:
    "Executes a `failed` action again with the same plan (write-backs reuse the action's idempotency key, so a " +
    "source that took the first write does not take it twice); `attempts` counts each run. 409 when the action has " +
    "not failed. Requires the `actions:approve` scope.",
  middleware: [requireScope("actions:approve")] as const,
  request: { params: ActionIdParamsSchema },
  responses: {
    200: { description: "The action after the new attempt", content: { "application/json": { schema: ActionSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerRetryAction = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const action = await requireAction(scope, c.req.valid("param").id);
    return c.json(actionResponse(await retryAction(c.env, scope, action, c.get("trace").traceId)), 200);
  });
