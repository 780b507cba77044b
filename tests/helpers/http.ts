import { createExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import worker from "../../workers/index";
import type { Env } from "../../workers/env";
import type { Problem } from "../../workers/gateway/problem";

export const API = "https://api.test";

/** A random documentation-range (RFC 3849) IPv6 address, as Cloudflare's edge would put in cf-connecting-ip. */
export function clientAddress(): Record<string, string> {
  const groups = crypto.randomUUID().replaceAll("-", "").match(/.{4}/g)!.slice(0, 6);
  return { "cf-connecting-ip": `2001:db8:${groups.join(":")}` };
}

/**
 * Calls the real Worker (the whole gateway) the way a client would, each call from a fresh client address so tests
 * never share the anonymous rate limit. Objects are sent as JSON; a string is sent as is, labelled JSON unless the
 * caller says otherwise; bytes and streams are sent raw, with only the headers given. With `env`, the Worker runs
 * with those bindings instead of its own (e.g. the Neon store selected).
 */
export async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; env?: Env } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...clientAddress(), ...init.headers };
  let body: BodyInit | undefined;
  if (typeof init.body === "string") {
    headers["content-type"] ??= "application/json";
    body = init.body;
  } else if (init.body instanceof Uint8Array || init.body instanceof ReadableStream) {
    body = init.body;
  } else if (init.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(init.body);
  }
  const request = { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body };
  if (init.env !== undefined) return worker.fetch(new Request(`${API}${path}`, request), init.env, createExecutionContext());
  return exports.default.fetch(`${API}${path}`, request);
}

/** Asserts the RFC 9457 shape every error must have and returns the body. */
export async function expectProblem(res: Response, status: number, kind: string): Promise<Problem> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status} ${kind}, got ${res.status}: ${text}`);
  if (res.headers.get("content-type") !== "application/problem+json") {
    throw new Error(`expected application/problem+json, got ${res.headers.get("content-type")}: ${text}`);
  }
  const body = JSON.parse(text) as Problem;
  const expectedType = `https://autonomos.dev/problems/${kind}`;
  if (body.type !== expectedType) throw new Error(`expected type ${expectedType}, got ${body.type}`);
  if (body.status !== status) throw new Error(`problem.status ${body.status} != ${status}`);
  if (!/^[0-9a-f]{32}$/.test(body.trace_id)) throw new Error(`problem without a trace_id: ${text}`);
  if (body.trace_id !== res.headers.get("x-trace-id")) throw new Error("problem trace_id differs from x-trace-id");
  if (/\bat\s.+:\d+:\d+/.test(text)) throw new Error(`a stack trace leaked: ${text}`);
  return body;
}
