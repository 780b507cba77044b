/** `query_view`: the JSON query API (POST /api/v1/dcl/query) as a tool; its input is that route's own schema. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { JsonQuerySchema, MAX_QUERY_ROWS, QueryResultSchema } from "../../../dcl/query/json-query";
import { toolResult } from "../result";
import type { RestClient } from "../rest";

export function registerQueryView(server: McpServer, rest: RestClient): void {
  server.registerTool(
    "query_view",
    {
      title: "Query a unified view",
      description:
        "Runs a query over one view of the tenant's unified data. `entity` is the view name (accounts, " +
        "opportunities, contacts, … as list_views reports). `select` picks fields (default: all but lineage). " +
        "`filters` AND together; each is {field, op, value} with op eq (default), ne, gt, gte, lt, lte, contains, " +
        "starts_with (text, case-insensitive), in (value is a list), is_null (value true/false); values are typed like " +
        "the field; object fields (extras, sources) are not filterable. For totals use `group_by` (fields) with " +
        "`aggregates` [{fn: count|sum|avg|min|max, field (not for count), as: output name}]. `order_by` " +
        `[{field, dir: asc|desc}] names output columns. \`limit\` 1–${MAX_QUERY_ROWS} (default 100); \`truncated\` ` +
        "says more rows matched. Deleted (tombstoned) rows are left out unless `include_deleted` is true. The answer " +
        "is a table: `columns` [{name, type}] and `rows` as arrays in column order. Example: " +
        '{"entity":"opportunities","filters":[{"field":"status","op":"eq","value":"open"}],"group_by":["stage"],' +
        '"aggregates":[{"fn":"sum","field":"amount","as":"pipeline"}]}',
      inputSchema: JsonQuerySchema,
      outputSchema: QueryResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (query) => toolResult(await rest({ method: "POST", path: "/api/v1/dcl/query", body: query })),
  );
}
