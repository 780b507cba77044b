/** GET /api/v1/aam/mappings/{system}/{object}: the mapping in effect for one source object, with its YAML. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { effectiveMappings } from "../../../../aam/pipeline/tenant-mappings";
import { MappingParamsSchema, MappingSchema, mappingResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/mappings/{system}/{object}",
  tags: ["aam"],
  summary: "Get the mapping in effect",
  description:
    "The tenant's latest override or the system default, its YAML text, and each canonical field with its source " +
    "and transforms. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { params: MappingParamsSchema },
  responses: {
    200: { description: "The mapping", content: { "application/json": { schema: MappingSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerGetMapping = (app: App) =>
  app.openapi(route, async (c) => {
    const { system, object } = c.req.valid("param");
    const { entries } = await effectiveMappings(forTenant(database(c.env.DB), callerOf(c).tenantId));
    const effective = entries.find(({ mapping }) => mapping.system === system && mapping.object === object);
    if (effective === undefined) throw new ProblemError("not-found", `No mapping for ${system}/${object}`);
    return c.json(mappingResponse(effective), 200);
  });
