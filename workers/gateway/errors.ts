/** The gateway's error and not-found handlers: every failure leaves as problem+json with the trace id. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./context";
import { errorFields } from "../platform/log";
import { type ProblemKind, ProblemError, problemResponse } from "./problem";

/** Hono's own HTTPExceptions (malformed JSON, body limit) mapped onto our catalogue. */
const httpStatusKinds: Record<number, ProblemKind> = {
  400: "malformed-body",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "validation-error",
  429: "rate-limited",
};

function traceId(c: Context<AppEnv>): string {
  return c.get("trace")?.traceId ?? "unknown";
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const ctx = { traceId: traceId(c), instance: c.req.path };
  if (err instanceof ProblemError) {
    return problemResponse(err.kind, { ...ctx, detail: err.detail, errors: err.extras.errors, headers: err.extras.headers });
  }
  if (err instanceof HTTPException && err.status < 500) {
    const kind = httpStatusKinds[err.status] ?? "validation-error";
    return problemResponse(kind, { ...ctx, detail: err.message });
  }
  c.get("log")?.error("unhandled error", errorFields(err));
  return problemResponse("internal", { ...ctx, detail: "An unexpected error occurred; quote the trace_id to support" });
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse("not-found", { traceId: traceId(c), instance: c.req.path, detail: `No route for ${c.req.method} ${c.req.path}` });
