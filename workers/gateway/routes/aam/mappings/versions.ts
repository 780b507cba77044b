/** GET /api/v1/aam/mappings/{system}/{object}/versions: the history of one mapping, newest first. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { mappingHistory } from "../../../../aam/mapping/overrides-history";
import { MappingParamsSchema, MappingVersionSchema, versionResponse } from "./schemas";

export const MappingHistorySchema = z
  .object({
    items: z.array(MappingVersionSchema).openapi({
      description: "The tenant's versions newest first (the first one is in effect), then the system default they override, if any",
    }),
  })
  .openapi("MappingHistory");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/mappings/{system}/{object}/versions",
  tags: ["aam"],
  summary: "List a mapping's versions",
  description: "Who saved each override version, when and why. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: MappingParamsSchema },
  responses: {
    200: { description: "The history", content: { "application/json": { schema: MappingHistorySchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerListMappingVersions = (app: App) =>
  app.openapi(route, async (c) => {
    const { system, object } = c.req.valid("param");
    const history = await mappingHistory(forTenant(database(c.env.DB), callerOf(c).tenantId), system, object);
    if (history.length === 0) throw new ProblemError("not-found", `No mapping for ${system}/${object}`);
    return c.json({ items: history.map(versionResponse) }, 200);
  });
