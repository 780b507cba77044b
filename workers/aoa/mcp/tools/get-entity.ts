/**
 * `get_entity`: one view row with its lineage: the row from its view (tombstones included) and, from the catalog,
 * the source records it is made of and every event that contributed. An unknown id is the lineage route's 404.
 */
import { z } from "@hono/zod-openapi";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { EntityNameSchema } from "../../../canonical/names";
import { VIEW_OF } from "../../../dcl/catalog/entities";
import { RowLineageSchema } from "../../../dcl/catalog/row-lineage";
import { ViewPageSchema } from "../../../dcl/query/list-view";
import { jsonResult, problemResult } from "../result";
import type { RestClient } from "../rest";

export const GetEntityInputSchema = z.object({
  entity: EntityNameSchema.describe("The canonical entity (singular): account, opportunity, contact, …"),
  id: z.string().min(1).max(200).describe("The view row's id, as query_view or list_findings report it (e.g. acc_…)"),
});

export const EntityWithLineageSchema = z.object({
  row: ViewPageSchema.shape.items.element
    .nullable()
    .describe("The view row keyed by canonical field name; null only if it disappeared between the two reads"),
  lineage: RowLineageSchema,
});

export function registerGetEntity(server: McpServer, rest: RestClient): void {
  server.registerTool(
    "get_entity",
    {
      title: "Read one record with its lineage",
      description:
        "Returns one unified record (a view row, even a deleted one: `deleted` says so) with its lineage: the source " +
        "systems and records it was merged from, and every change event that contributed, oldest first, with the " +
        "mapping version that produced it. Use it to explain where a value comes from before proposing an action.",
      inputSchema: GetEntityInputSchema,
      outputSchema: EntityWithLineageSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ entity, id }) => {
      const rowQuery = new URLSearchParams({ "filter[id]": id, include_deleted: "true", limit: "1" });
      const [lineage, page] = await Promise.all([
        rest({ method: "GET", path: `/api/v1/dcl/catalog/lineage/${entity}/${encodeURIComponent(id)}` }),
        rest({ method: "GET", path: `/api/v1/dcl/views/${VIEW_OF[entity]}?${rowQuery}` }),
      ]);
      if (!lineage.ok) return problemResult(lineage.problem);
      if (!page.ok) return problemResult(page.problem);
      return jsonResult({ row: ViewPageSchema.parse(page.body).items[0] ?? null, lineage: lineage.body });
    },
  );
}
