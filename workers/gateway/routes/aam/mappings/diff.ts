/** GET /api/v1/aam/mappings/{system}/{object}/diff?from=&to=: what changed between two versions of a mapping. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { mappingDiff, MappingFieldChangesSchema } from "../../../../aam/mapping/overrides-diff";
import { entryText, entryVersion, mappingVersionAt, type VersionRef } from "../../../../aam/mapping/overrides-history";
import { MappingParamsSchema, MappingVersionSchema, VersionRefSchema, versionResponse } from "./schemas";

export const MappingDiffSchema = z
  .object({
    from: MappingVersionSchema,
    to: MappingVersionSchema,
    patch: z.string().openapi({ description: "Unified diff of the two YAML texts" }),
    fields: MappingFieldChangesSchema,
  })
  .openapi("MappingDiff");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/mappings/{system}/{object}/diff",
  tags: ["aam"],
  summary: "Diff two mapping versions",
  description:
    "`from` and `to` are tenant version numbers, `system` (the system default) or `current` (the version in effect; " +
    "the default for `to`). Returns a unified diff of the YAML and the canonical fields added, removed or mapped " +
    "differently. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: {
    params: MappingParamsSchema,
    query: z.object({ from: VersionRefSchema, to: VersionRefSchema.default("current") }),
  },
  responses: {
    200: { description: "The differences", content: { "application/json": { schema: MappingDiffSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerDiffMappingVersions = (app: App) =>
  app.openapi(route, async (c) => {
    const { system, object } = c.req.valid("param");
    const query = c.req.valid("query");
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const resolve = async (ref: VersionRef) => {
      const entry = await mappingVersionAt(scope, system, object, ref);
      if (entry === undefined) throw new ProblemError("not-found", `${system}/${object} has no version ${ref}`);
      return { entry, label: `${system}/${object}@${entryVersion(entry)} (${entry.origin})`, text: entryText(entry) };
    };
    const [from, to] = await Promise.all([resolve(query.from), resolve(query.to)]);
    return c.json({ from: versionResponse(from.entry), to: versionResponse(to.entry), ...mappingDiff(from, to) }, 200);
  });
