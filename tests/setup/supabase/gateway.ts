/**
 * A stand-in for the API gateway in front of a Supabase project's PostgREST (`<project>.supabase.co/rest/v1/`),
 * doing what the connector relies on: every request needs an `apikey`; the opaque `sb_secret_…` and
 * `sb_publishable_…` keys are swapped for a JWT of their role (service_role, anon) before PostgREST sees them;
 * legacy JWT keys go through as sent. Unknown keys get Supabase's own 401 body.
 *
 * A test control, `POST /__control/throttle {apikey, requests, retry_after}`, makes the next `requests` requests
 * with that key answer 429 with `Retry-After: retry_after`, as Supabase's gateway answers a project over its rate
 * limit. Keyed by API key so that test files sharing the gateway do not throttle each other.
 */
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import { HOST } from "../free-port";

export interface GatewayKeys {
  /** opaque key → the JWT PostgREST gets instead */
  opaque: Record<string, string>;
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

const REST_PREFIX = "/rest/v1";
const THROTTLE = "/__control/throttle";

interface Throttle {
  requests: number;
  retry_after: string;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.on("data", (chunk: Buffer) => void (text += chunk.toString()));
    req.on("end", () => {
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

async function setThrottle(req: IncomingMessage, res: ServerResponse, throttles: Map<string, Throttle>): Promise<void> {
  const { apikey, requests, retry_after } = (await readJson(req)) as { apikey: string; requests: number; retry_after: number | string };
  throttles.set(apikey, { requests, retry_after: String(retry_after) });
  res.writeHead(204).end();
}

/** Takes one throttled request from the key's allowance; true when this request is to be answered 429. */
function throttled(apikey: string, throttles: Map<string, Throttle>, res: ServerResponse): boolean {
  const throttle = throttles.get(apikey);
  if (throttle === undefined || throttle.requests === 0) return false;
  throttle.requests -= 1;
  res.writeHead(429, { "content-type": "application/json", "retry-after": throttle.retry_after });
  res.end(JSON.stringify({ message: "API rate limit exceeded" }));
  return true;
}

function reject(res: ServerResponse, message: string, hint: string): void {
  res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message, hint }));
}

function authorizationFor(req: IncomingMessage, keys: GatewayKeys): string | undefined | null {
  const apikey = req.headers.apikey;
  if (typeof apikey !== "string") return null;
  if (!apikey.startsWith("sb_")) return req.headers.authorization;
  const jwt = keys.opaque[apikey];
  return jwt === undefined ? null : `Bearer ${jwt}`;
}

/** Listens on `port` (default: one the OS picks). */
export async function startGateway(postgrest: { host: string; port: number }, keys: GatewayKeys, port = 0): Promise<Gateway> {
  const throttles = new Map<string, Throttle>();
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === THROTTLE && req.method === "POST") return void setThrottle(req, res, throttles).catch(() => res.writeHead(400).end());
    if (!url.startsWith(REST_PREFIX)) return void res.writeHead(404).end();
    if (typeof req.headers.apikey !== "string") {
      return reject(res, "No API key found in request", "No `apikey` request header or url param was found.");
    }
    if (throttled(req.headers.apikey, throttles, res)) return;
    const authorization = authorizationFor(req, keys);
    if (authorization === null) return reject(res, "Invalid API key", "Double check your Supabase `anon` or `service_role` API key.");
    const headers: IncomingHttpHeaders = { ...req.headers, host: `${postgrest.host}:${postgrest.port}` };
    delete headers.apikey;
    delete headers.authorization;
    if (authorization !== undefined) headers.authorization = authorization;
    const path = url.slice(REST_PREFIX.length);
    const upstream = request({ host: postgrest.host, port: postgrest.port, method: req.method, path: path.startsWith("/") ? path : `/${path}`, headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, HOST, resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the Supabase gateway has no port");
  return {
    url: `http://${HOST}:${address.port}`,
    close: () => {
      // the Worker's fetches keep connections alive; close() alone would wait for them
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
