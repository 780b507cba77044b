/** PUT /api/v1/aoa/policies: choose the approval policy of some action types. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { setPolicies } from "../../../../aoa/actions/policies";
import { ActionTypeSchema, PolicyModeSchema } from "../../../../aoa/actions/types";
import { ActionPoliciesSchema } from "./get";

export const SetActionPoliciesRequestSchema = z
  .object({
    policies: z
      .partialRecord(ActionTypeSchema, PolicyModeSchema)
      .openapi({ description: "Action type → mode; types left out keep their policy", example: { "record.update": "auto" } }),
  })
  .openapi("SetActionPoliciesRequest");

const route = createRoute({
  method: "put",
  path: "/api/v1/aoa/policies",
  tags: ["aoa"],
  summary: "Set action approval policies",
  description:
    "Sets the mode of the action types given; actions already proposed keep the policy they were proposed under. " +
    "Requires the `actions:approve` scope.",
  middleware: [requireScope("actions:approve")] as const,
  request: { body: { required: true, content: { "application/json": { schema: SetActionPoliciesRequestSchema } } } },
  responses: {
    200: { description: "Every action type's policy, after the change", content: { "application/json": { schema: ActionPoliciesSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerSetPolicies = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const policies = await setPolicies(forTenant(database(c.env.DB), caller.tenantId), c.req.valid("json").policies, caller.actorId);
    return c.json({ policies }, 200);
  });
