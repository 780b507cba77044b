/**
 * REST answers as MCP tool results: a 2xx's JSON becomes the structured content (and, for clients that read only
 * text, the same JSON as text); a problem becomes an error result an LLM can act on: what failed, why, and which
 * fields, with the whole problem (trace_id included) as JSON after it.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Problem } from "../../gateway/problem";
import type { RestReply } from "./rest";

export function jsonResult(body: Record<string, unknown>): CallToolResult {
  return { structuredContent: body, content: [{ type: "text", text: JSON.stringify(body) }] };
}

/** No structured content: clients check it against the tool's output schema even on errors. */
export function problemResult(problem: Problem): CallToolResult {
  const summary = [
    `${problem.status} ${problem.title}${problem.detail === undefined ? "" : `: ${problem.detail}`}`,
    ...(problem.errors ?? []).map((e) => `- ${e.path}: ${e.message}`),
  ].join("\n");
  return { isError: true, content: [{ type: "text", text: summary }, { type: "text", text: JSON.stringify(problem) }] };
}

export function toolResult(reply: RestReply): CallToolResult {
  return reply.ok ? jsonResult(reply.body) : problemResult(reply.problem);
}
