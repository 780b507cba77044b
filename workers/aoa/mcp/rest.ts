/**
 * The MCP tools' way into the platform: a request to the gateway's own REST API, made in-process with the caller's
 * credential, so authentication, tenant scoping, scopes, validation, rate limit, idempotency and audit apply to a
 * tool call exactly as they do to the same call over HTTP.
 */
import { ProblemSchema, type Problem } from "../../gateway/problem";

export interface RestRequest {
  method: "GET" | "POST";
  /** an API path (`/api/v1/...`), with its query string if any */
  path: string;
  body?: unknown;
}

/** A REST answer: the JSON of a 2xx, or the RFC 9457 problem of a failure. */
export type RestReply = { ok: true; status: number; body: Record<string, unknown> } | { ok: false; status: number; problem: Problem };

export type RestClient = (request: RestRequest) => Promise<RestReply>;

export interface RestCaller {
  /** the origin the MCP request came to; the in-process requests are addressed to it */
  origin: string;
  /** the caller's own `Authorization` header, forwarded unchanged */
  authorization: string;
  /** the MCP request's `traceparent`, so each REST call is a child span of the tool call's trace */
  traceparent: string;
}

/** A RestClient over `fetch` (the gateway app's own, in-process), acting as `caller`. */
export function restClient(fetch: (request: Request) => Promise<Response>, caller: RestCaller): RestClient {
  return async ({ method, path, body }) => {
    const headers: Record<string, string> = { authorization: caller.authorization, traceparent: caller.traceparent, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(new Request(new URL(path, caller.origin), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    const media = res.headers.get("content-type") ?? "";
    if (media.startsWith("application/problem+json")) return { ok: false, status: res.status, problem: ProblemSchema.parse(await res.json()) };
    if (res.ok && media.startsWith("application/json")) return { ok: true, status: res.status, body: (await res.json()) as Record<string, unknown> };
    throw new Error(`${method} ${path} answered ${res.status} ${media === "" ? "without a body type" : media}`);
  };
}
