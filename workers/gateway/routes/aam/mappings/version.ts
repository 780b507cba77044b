/** GET /api/v1/aam/mappings/{system}/{object}/versions/{version}: one version of a mapping, with its YAML. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { entryText, mappingVersionAt } from "../../../../aam/mapping/overrides-history";
import { MappingParamsSchema, MappingVersionDetailSchema, VersionRefSchema, versionResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/mappings/{system}/{object}/versions/{version}",
  tags: ["aam"],
  summary: "Get a mapping version",
  description:
    "`version` is a tenant version's number, `system` for the system default or `current` for the version in " +
    "effect. To roll back, PUT this source with its `version:` bumped. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: MappingParamsSchema.extend({ version: VersionRefSchema.openapi({ param: { name: "version", in: "path" } }) }) },
  responses: {
    200: { description: "The version", content: { "application/json": { schema: MappingVersionDetailSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerGetMappingVersion = (app: App) =>
  app.openapi(route, async (c) => {
    const { system, object, version } = c.req.valid("param");
    const entry = await mappingVersionAt(forTenant(database(c.env.DB), callerOf(c).tenantId), system, object, version);
    if (entry === undefined) throw new ProblemError("not-found", `${system}/${object} has no version ${version}`);
    return c.json({ ...versionResponse(entry), source: entryText(entry) }, 200);
  });
