/** `list_findings`: what the tenant's agents found (GET /api/v1/aoa/findings), newest first, filtered. */
import { z } from "@hono/zod-openapi";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AgentNameSchema } from "../../runs/agent-name";
import { FindingSeveritySchema, FindingStatusSchema } from "../../runs/finding";
import { toolResult } from "../result";
import type { RestClient } from "../rest";

export const ListFindingsInputSchema = z.object({
  agent: AgentNameSchema.optional().describe("Only this agent's findings: revops (deals, pipeline, forecast) or finops (cloud costs)"),
  kind: z.string().min(1).max(64).optional().describe("Only this kind, e.g. deal_risk, deal_score, pipeline_health, forecast, cost_anomaly"),
  severity: FindingSeveritySchema.optional().describe("Only this severity"),
  status: FindingStatusSchema.optional().describe("open (current), resolved (a later run no longer found it) or dismissed (set aside by a person)"),
  run_id: z.string().min(1).max(200).optional().describe("Only findings last produced by this agent run"),
});

export function registerListFindings(server: McpServer, rest: RestClient): void {
  server.registerTool(
    "list_findings",
    {
      title: "List the agents' findings",
      description:
        "Lists what the tenant's agents found, newest first: deal risks and scores, pipeline health and the forecast " +
        "(revops), cost anomalies (finops). Each finding has a severity, a one-line title, the record it is about " +
        "(`subject`: entity and id, readable with get_entity), an explanation (each factor's contribution), metrics " +
        "and its status. Filters are optional and AND together.",
      inputSchema: ListFindingsInputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (filter) => {
      const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const search = query.size === 0 ? "" : `?${query}`;
      return toolResult(await rest({ method: "GET", path: `/api/v1/aoa/findings${search}` }));
    },
  );
}
