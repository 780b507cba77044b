/** GET /api/v1/dcl/export/{entity}: the tenant's whole view as NDJSON, Arrow IPC or Parquet, streamed (for DuckDB-WASM). */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { ViewNameSchema } from "../../../../dcl/query/catalog";
import { queryRunnerFor } from "../../../../dcl/query/runner";
import { ExportFormatSchema, exportFormats, exportView } from "../../../../dcl/export/formats";

const binary = z.string().openapi({ format: "binary" });

const route = createRoute({
  method: "get",
  path: "/api/v1/dcl/export/{entity}",
  tags: ["dcl"],
  summary: "Export a unified view",
  description:
    "Every column of the view (tenant_id aside), in id order, streamed a page at a time. Types: text as UTF-8 " +
    "strings, reals as DOUBLE/Float64, integers as INT64, booleans as BOOLEAN, JSON documents (extras, sources, " +
    "lineage, link) as JSON text, timestamps and dates as ISO-8601 text. Tombstones are left out unless " +
    "`include_deleted=true`. Requires the `dcl:read` scope.",
  middleware: [requireScope("dcl:read")] as const,
  request: {
    params: z.object({ entity: ViewNameSchema.openapi({ param: { name: "entity", in: "path" } }) }),
    query: z.object({
      format: ExportFormatSchema.default("ndjson"),
      include_deleted: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
    }),
  },
  responses: {
    200: {
      description: "The view, as an attachment",
      content: Object.fromEntries(Object.values(exportFormats).map((f) => [f.contentType, { schema: binary }])),
    },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerExportView = (app: App) =>
  app.openapi(route, (c) => {
    const runner = queryRunnerFor(c.env, callerOf(c).tenantId);
    const { format, include_deleted } = c.req.valid("query");
    return exportView(runner, runner.view(c.req.valid("param").entity), { format, includeDeleted: include_deleted });
  });
