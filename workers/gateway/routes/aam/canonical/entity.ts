/** GET /api/v1/aam/canonical/{entity}: one canonical entity's JSON Schema. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { requireScope } from "../../../middleware/auth/require";
import { EntityNameSchema } from "../../../../canonical/names";
import { canonicalJsonSchemas } from "../../../../canonical/json-schema";
import { JsonSchemaDocumentSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/canonical/{entity}",
  tags: ["aam"],
  summary: "Get a canonical entity's schema",
  description: "The JSON Schema of `data` in an event of this entity. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: z.object({ entity: EntityNameSchema.openapi({ param: { name: "entity", in: "path" } }) }) },
  responses: {
    200: { description: "The entity's JSON Schema", content: { "application/json": { schema: JsonSchemaDocumentSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerGetCanonicalEntity = (app: App) =>
  app.openapi(route, (c) => c.json(canonicalJsonSchemas()[c.req.valid("param").entity], 200));
