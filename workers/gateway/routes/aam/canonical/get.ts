/** GET /api/v1/aam/canonical: the canonical model as JSON Schema, the event envelope and every entity. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { requireScope } from "../../../middleware/auth/require";
import { CANONICAL_SCHEMA_VERSION } from "../../../../canonical/event";
import { canonicalJsonSchemas } from "../../../../canonical/json-schema";
import { perEntity } from "../../../../canonical/per-entity";
import { JsonSchemaDocumentSchema } from "./schemas";

export const CanonicalModelSchema = z
  .object({
    version: z.number().int().openapi({ description: "The canonical schema version events carry in `meta.version`" }),
    event: JsonSchemaDocumentSchema,
    entities: z.object(perEntity(() => JsonSchemaDocumentSchema)),
  })
  .openapi("CanonicalModel");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/canonical",
  tags: ["aam"],
  summary: "Get the canonical model",
  description: "JSON Schema of the CanonicalEvent envelope and of each entity: what mappings map to. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  responses: {
    200: { description: "The canonical model", content: { "application/json": { schema: CanonicalModelSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerGetCanonicalModel = (app: App) =>
  app.openapi(route, (c) => {
    const { event, ...entities } = canonicalJsonSchemas();
    return c.json({ version: CANONICAL_SCHEMA_VERSION, event, entities }, 200);
  });
