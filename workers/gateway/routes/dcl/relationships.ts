/** GET /api/v1/dcl/relationships: foreign keys inferred between the tenant's source objects. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { callerOf, requireScope } from "../../middleware/auth/require";
import { withViewStore } from "../../../dcl/materialize/for-env";
import { InferredRelationshipSchema, MIN_COVERAGE, MIN_MATCHED, inferRelationships } from "../../../dcl/linking/relationships";

export const RelationshipListSchema = z.object({ items: z.array(InferredRelationshipSchema) }).openapi("InferredRelationshipList");

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/relationships",
  tags: ["dcl"],
  summary: "List inferred relationships",
  description:
    "Fields of opportunity and contact source objects (the canonical `account_id` and every `extras.<key>`) whose " +
    `values are record ids of an accounts object: at least ${MIN_COVERAGE * 100} % of the non-null values and at ` +
    `least ${MIN_MATCHED} of them. Requires the \`dcl:read\` scope.`,
  middleware: [requireScope("dcl:read")] as const,
  responses: {
    200: { description: "The inferred foreign keys", content: { "application/json": { schema: RelationshipListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerListRelationships = (app: App) =>
  app.openapi(route, async (c) => {
    return c.json({ items: await withViewStore(c.env, callerOf(c).tenantId, inferRelationships) }, 200);
  });
