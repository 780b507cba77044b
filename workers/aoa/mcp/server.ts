/**
 * The MCP server: the tools over the caller's REST client. Built per request: the endpoint is stateless (Workers
 * share no memory between requests), and every request brings its own caller.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
// Not the SDK's default (ajv): ajv compiles validators with `new Function`, which deployed Workers forbid.
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import pkg from "../../../package.json";
import { MCP_INSTRUCTIONS } from "./instructions";
import type { RestClient } from "./rest";
import { registerGetEntity } from "./tools/get-entity";
import { registerListFindings } from "./tools/list-findings";
import { registerListViews } from "./tools/list-views";
import { registerProposeAction } from "./tools/propose-action";
import { registerQueryView } from "./tools/query-view";

export const MCP_SERVER_NAME = "autonomos";

export function createMcpServer(rest: RestClient): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: pkg.version },
    { instructions: MCP_INSTRUCTIONS, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  );
  for (const register of [registerListViews, registerQueryView, registerGetEntity, registerListFindings, registerProposeAction]) {
    register(server, rest);
  }
  return server;
}
