/**
 * The fake Salesforce over plain node:http (no framework: a dozen routes, and the test process should not need a
 * Node adapter for Hono). One server hosts any number of orgs; the org is found from the bearer token (REST) or the
 * assertion's issuer / client id (OAuth), as on the real login and instance hosts, so parallel test files never
 * see each other's data.
 */
import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveControl } from "./control";
import { tokenEndpoint } from "./oauth";
import { type Reply, restError, serveRest } from "./rest";

const REST = /^\/services\/data\/(v\d+\.\d)\/(.*)$/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(request: IncomingMessage, baseUrl: string): Promise<Reply> {
  const url = new URL(request.url ?? "/", baseUrl);
  const method = request.method ?? "GET";
  const text = await readBody(request);
  if (url.pathname === "/services/oauth2/token" && method === "POST") return tokenEndpoint(new URLSearchParams(text), baseUrl);
  let body: unknown = null;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      return restError("JSON_PARSER_ERROR");
    }
  }
  const parts = url.pathname.split("/").filter((part) => part !== "");
  if (parts[0] === "__fake") return serveControl(method, parts, body);
  const rest = REST.exec(url.pathname);
  if (rest === null) return restError("NOT_FOUND");
  return serveRest({ method, rest: rest[2] as string, version: rest[1] as string, url, headers: request.headers, body });
}

/** Listens on `port` (default: one the OS picks). */
export async function startFakeSalesforce(host = "127.0.0.1", port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  let baseUrl = "";
  const server: Server = createServer((request, response) => {
    handle(request, baseUrl)
      .catch((error: unknown) => ({ status: 500, body: [{ message: String(error), errorCode: "UNKNOWN_EXCEPTION" }] }) as Reply)
      .then((reply) => {
        const headers: Record<string, string> = { ...reply.headers };
        if (reply.body !== undefined) headers["Content-Type"] = "application/json;charset=UTF-8";
        response.writeHead(reply.status, headers);
        response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url: baseUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
