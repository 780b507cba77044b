/** `list_views`: what the tenant's unified data holds: each entity, its view, its fields and its row counts. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CatalogEntityListSchema } from "../../../dcl/catalog/entities";
import { toolResult } from "../result";
import type { RestClient } from "../rest";

export function registerListViews(server: McpServer, rest: RestClient): void {
  server.registerTool(
    "list_views",
    {
      title: "List the unified views",
      description:
        "Lists every canonical entity (account, opportunity, contact, …) with the name of its view (what query_view " +
        "takes as `entity`), each field's name, type, nullability, allowed values and meaning, and how many live and " +
        "tombstoned rows the view holds. Call it first to learn which fields exist before querying.",
      outputSchema: CatalogEntityListSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => toolResult(await rest({ method: "GET", path: "/api/v1/dcl/catalog/entities" })),
  );
}
