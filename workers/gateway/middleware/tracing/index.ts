/**
 * Tracing: continues the caller's W3C trace (`traceparent`) or starts one, gives this hop its own span id,
 * returns both on every response (`traceparent`, `x-trace-id`) and hands a logger bound to them to the rest
 * of the chain. It runs first so that even a rejected request is traceable.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";
import { createLogger, logLevel } from "../../../platform/log";
import { randomHex } from "../../../platform/ids";

export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;

/** Parses a `traceparent` header per W3C Trace Context level 1; anything invalid starts a new trace. */
export function parseTraceparent(header: string | undefined): Omit<TraceContext, "spanId"> | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.trim().toLowerCase());
  if (match === null) return undefined;
  const [, version, traceId, parentId, flags] = match as unknown as [string, string, string, string, string];
  if (version === "ff" || ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  return { traceId, parentSpanId: parentId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? "01" : "00"}`;
}

export const tracing = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = Date.now();
    const incoming = parseTraceparent(c.req.header("traceparent"));
    const trace: TraceContext = {
      traceId: incoming?.traceId ?? randomHex(16),
      parentSpanId: incoming?.parentSpanId,
      spanId: randomHex(8),
      sampled: incoming?.sampled ?? true,
    };
    const log = createLogger({ trace_id: trace.traceId, span_id: trace.spanId }, logLevel(c.env.LOG_LEVEL));
    c.set("trace", trace);
    c.set("log", log);
    try {
      await next();
    } finally {
      c.header("traceparent", formatTraceparent(trace));
      c.header("x-trace-id", trace.traceId);
      log.info("request", {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Date.now() - started,
        tenant_id: c.get("principal")?.tenantId,
      });
    }
  });
