/**
 * /api/v1/aoa/mcp: the Model Context Protocol endpoint (Streamable HTTP, stateless, JSON responses) for outside AI
 * agents. It sits behind the gateway's auth like any route; each tool call is then an in-process request to this
 * same app with the caller's credential, so the REST routes stay the one place for scopes, tenancy and audit.
 * Without sessions there is no server-to-client stream to open (GET) nor session to end (DELETE): both answer 405,
 * which the transport specification allows.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { ProblemError, problemResponses } from "../../problem";
import { formatTraceparent } from "../../middleware/tracing";
import { restClient } from "../../../aoa/mcp/rest";
import { serveMcp } from "../../../aoa/mcp/serve";

export const MCP_PATH = "/api/v1/aoa/mcp";

const JsonRpcMessageSchema = z
  .looseObject({ jsonrpc: z.literal("2.0") })
  .openapi("McpJsonRpcMessage", { description: "A JSON-RPC 2.0 request, notification or response of the Model Context Protocol" });
const JsonRpcPayloadSchema = z.union([JsonRpcMessageSchema, z.array(JsonRpcMessageSchema)]);

const post = createRoute({
  method: "post",
  path: MCP_PATH,
  tags: ["aoa"],
  summary: "Model Context Protocol (Streamable HTTP)",
  description:
    "An MCP server for AI agents, stateless, answering in JSON (`Accept: application/json, text/event-stream`). " +
    "Tools: list_views, query_view, get_entity, list_findings, propose_action. Each tool call is made as the caller " +
    "(same credential) against the REST API, so it needs that route's scope (`dcl:read` to read data, " +
    "`agents:read` for findings, `actions:write` to propose) and a missing scope comes back as the tool's error " +
    "result. Transport errors (e.g. 406 for a wrong Accept header) are JSON-RPC errors.",
  request: { body: { required: true, content: { "application/json": { schema: JsonRpcPayloadSchema } } } },
  responses: {
    200: { description: "The JSON-RPC response(s)", content: { "application/json": { schema: JsonRpcPayloadSchema } } },
    202: { description: "Only notifications or responses were sent: nothing to answer" },
    406: { description: "The client does not accept both application/json and text/event-stream", content: { "application/json": { schema: JsonRpcMessageSchema } } },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

const unsupported = (method: "get" | "delete", description: string) =>
  createRoute({ method, path: MCP_PATH, tags: ["aoa"], summary: `MCP: ${description}`, description: `${description}: this stateless server answers 405.`, responses: problemResponses(401, 405, 429) });

export function registerMcpRoutes(app: App): void {
  app.openapi(post, async (c) => {
    const authorization = c.req.header("authorization");
    if (authorization === undefined) throw new ProblemError("unauthorized", "The MCP endpoint takes its credential in the Authorization header");
    const rest = restClient(async (request) => app.fetch(request, c.env, c.executionCtx), {
      origin: new URL(c.req.url).origin,
      authorization,
      traceparent: formatTraceparent(c.get("trace")),
    });
    return serveMcp(c.req.raw, c.req.valid("json"), rest);
  });
  for (const [method, description] of [["get", "server-to-client stream"], ["delete", "end a session"]] as const) {
    app.openapi(unsupported(method, description), () => {
      throw new ProblemError("method-not-allowed", `This MCP server is stateless: send JSON-RPC messages with POST`, { headers: { Allow: "POST" } });
    });
  }
}
