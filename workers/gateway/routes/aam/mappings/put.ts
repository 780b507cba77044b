/** PUT /api/v1/aam/mappings/{system}/{object}: saves a new version of the tenant's override of one mapping. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { submitOverride } from "../../../../aam/mapping/overrides-submit";
import { MappingParamsSchema, MappingSourceTextSchema, MappingVersionSchema, versionResponse } from "./schemas";

export const PutMappingRequestSchema = z
  .object({
    source: MappingSourceTextSchema,
    comment: z.string().max(1000).optional().openapi({ description: "Why, for the history", example: "map the new Region field" }),
  })
  .openapi("PutMappingRequest");

const route = createRoute({
  method: "put",
  path: "/api/v1/aam/mappings/{system}/{object}",
  tags: ["aam"],
  summary: "Save a mapping version",
  description:
    "Stores the document as the tenant's newest override of this (system, object); the pipeline maps the tenant's " +
    "records with it from the next batch on (quarantine replays too). Versions are never changed or deleted. The " +
    "document's `system` and `object` must be the path's, and its `version:` higher than the version in effect " +
    "(the latest override's, else the system default's), else 409: whoever edited an older version reloads and " +
    "merges instead of overwriting. An invalid document is 422 with every problem's line and column in `errors` " +
    "(POST /api/v1/aam/mappings/validate checks without saving). Roll back by PUTting an earlier version's source " +
    "(GET …/versions/{version}) with its `version:` bumped above the current one. Send an `Idempotency-Key` to " +
    "retry safely. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: {
    params: MappingParamsSchema,
    body: { required: true, content: { "application/json": { schema: PutMappingRequestSchema } } },
  },
  responses: {
    201: { description: "The new version, now in effect", content: { "application/json": { schema: MappingVersionSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429),
  },
});

export const registerPutMapping = (app: App) =>
  app.openapi(route, async (c) => {
    const { system, object } = c.req.valid("param");
    const { source, comment } = c.req.valid("json");
    const caller = callerOf(c);
    const row = await submitOverride(forTenant(database(c.env.DB), caller.tenantId), { system, object, source, comment, author: caller.actorId });
    return c.json(versionResponse({ origin: "tenant", row }), 201);
  });
