/** GET /api/v1/aam/mappings: the mappings in effect for the caller's tenant, system defaults merged with its overrides. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { effectiveMappings } from "../../../../aam/pipeline/tenant-mappings";
import { MappingSummarySchema, summaryResponse } from "./schemas";

export const MappingListSchema = z
  .object({ items: z.array(MappingSummarySchema).openapi({ description: "By system, then object" }) })
  .openapi("MappingList");

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/mappings",
  tags: ["aam"],
  summary: "List the mappings in effect",
  description:
    "One entry per (system, object): the tenant's latest override where it has one (`origin: tenant`), else the " +
    "system default (`origin: system`). These are the mappings the pipeline normalizes with. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  responses: {
    200: { description: "The effective mappings", content: { "application/json": { schema: MappingListSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerListMappings = (app: App) =>
  app.openapi(route, async (c) => {
    const { entries } = await effectiveMappings(forTenant(database(c.env.DB), callerOf(c).tenantId));
    const items = entries.map(summaryResponse).sort((a, b) => a.system.localeCompare(b.system) || a.object.localeCompare(b.object));
    return c.json({ items }, 200);
  });
