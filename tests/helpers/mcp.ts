/**
 * MCP clients for tests: the SDK's own Client over its Streamable HTTP transport, whose requests go to the real
 * Worker (the whole gateway) instead of the network. Output schemas are checked with the same eval-free validator
 * the server uses, so a test may forbid code generation around a tool call.
 */
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import legacyAccounts from "../../scripts/demo/legacy-crm/accounts.csv?raw";
import legacyDeals from "../../scripts/demo/legacy-crm/deals.csv?raw";
import { MCP_PATH } from "../../workers/gateway/routes/aoa/mcp";
import { bearer, signUp } from "./auth";
import { CONNECTIONS, createConnection } from "./connections";
import { API, call, clientAddress } from "./http";
import { captureQueues, queueDrainer } from "./pipeline";

/** A connected client; `headers` (usually the credential) go on every request. */
export async function mcpClient(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "test-agent", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  const transport = new StreamableHTTPClientTransport(new URL(`${API}${MCP_PATH}`), {
    requestInit: { headers: { ...clientAddress(), ...headers } },
    fetch: (url, init) => exports.default.fetch(url, init),
  });
  await client.connect(transport);
  return client;
}

/** Calls a tool; the result as the SDK's schema types it. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A result's text contents, in order. */
export function texts(result: CallToolResult): string[] {
  return result.content.flatMap((c) => (c.type === "text" ? [c.text] : []));
}

/** A tool error's text (its summary line(s) and the problem JSON), asserting it is one. */
export function errorText(result: CallToolResult): string {
  expect(result.isError, JSON.stringify(result)).toBe(true);
  return texts(result).join("\n");
}

/**
 * A fresh tenant whose views were filled by the real pipeline: the demo legacy CRM's accounts and deals uploaded to
 * a FileSource connection and the queues drained (sync → raw → canonical → views). Call `restore` (vi.restoreAllMocks)
 * after: the queue producers are spied on.
 */
export async function tenantThroughPipeline() {
  const owner = await signUp();
  const drain = queueDrainer(captureQueues());
  const connection = await createConnection(owner.accessToken);
  for (const [name, text] of [["accounts.csv", legacyAccounts], ["deals.csv", legacyDeals]] as const) {
    const res = await call(`${CONNECTIONS}/${connection.id}/files?name=${name}`, {
      body: new TextEncoder().encode(text),
      headers: { ...bearer(owner.accessToken), "content-type": "text/csv" },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    await drain();
  }
  return { ...owner, auth: bearer(owner.accessToken), connection };
}
