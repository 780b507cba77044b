/**
 * One MCP request over Streamable HTTP, statelessly: a fresh server and transport answer it with plain JSON (no SSE
 * stream to hold open, no session to remember) and are closed once the answer is built.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createMcpServer } from "./server";
import type { RestClient } from "./rest";

/** `body` is the request's JSON, already read (and size-checked) by the gateway. */
export async function serveMcp(request: Request, body: unknown, rest: RestClient): Promise<Response> {
  const server = createMcpServer(rest);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody: body });
  } finally {
    await server.close();
  }
}
