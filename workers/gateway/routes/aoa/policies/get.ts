/** GET /api/v1/aoa/policies: the tenant's approval policy for every action type. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { ActionPolicySchema, listPolicies } from "../../../../aoa/actions/policies";

export const ActionPoliciesSchema = z.object({ policies: z.array(ActionPolicySchema) }).openapi("ActionPolicies");

const route = createRoute({
  method: "get",
  path: "/api/v1/aoa/policies",
  tags: ["aoa"],
  summary: "Get the action approval policies",
  description:
    "Per action type: `auto` (executed when proposed) or `approval` (held for a person). Defaults: scores and " +
    "alerts `auto`, record updates and sub-account tags `approval`. Requires the `agents:read` scope.",
  middleware: [requireScope("agents:read")] as const,
  responses: {
    200: { description: "Every action type's policy", content: { "application/json": { schema: ActionPoliciesSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerGetPolicies = (app: App) =>
  app.openapi(route, async (c) => c.json({ policies: await listPolicies(forTenant(database(c.env.DB), callerOf(c).tenantId)) }, 200));
