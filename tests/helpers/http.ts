import { exports } from "cloudflare:workers";
import type { Problem } from "../../workers/gateway/problem";

/** Calls the real Worker (the whole gateway) the way a client would. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`https://api.test${path}`, init);
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
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
