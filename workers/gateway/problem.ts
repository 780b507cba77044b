/**
 * RFC 9457 problem details. Every error the gateway returns goes through here, so each has a stable `type`,
 * the request's `trace_id`, and never a stack trace.
 */
import { z } from "@hono/zod-openapi";

export const PROBLEM_TYPE_BASE = "https://autonomos.dev/problems/";

/** The catalogue of problem kinds: the `type` URI is PROBLEM_TYPE_BASE + key and never changes once published. */
export const problemKinds = {
  "validation-error": { status: 400, title: "The request is invalid" },
  "malformed-body": { status: 400, title: "The request body could not be parsed" },
  unauthorized: { status: 401, title: "Authentication is required" },
  "invalid-credentials": { status: 401, title: "The credentials are not valid" },
  "invalid-token": { status: 401, title: "The token is not valid" },
  forbidden: { status: 403, title: "Not allowed" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The resource already exists or changed" },
  "length-required": { status: 411, title: "The request must declare its Content-Length" },
  "idempotency-in-flight": { status: 409, title: "A request with this Idempotency-Key is still in progress" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "idempotency-key-reused": { status: 422, title: "This Idempotency-Key was used with a different request" },
  "action-key-reused": { status: 409, title: "This idempotency_key was used for a different action request" },
  "upgrade-required": { status: 426, title: "This endpoint takes a WebSocket upgrade" },
  "unmappable-file": { status: 422, title: "No mapping reads this file" },
  "invalid-mapping": { status: 422, title: "The mapping document is invalid" },
  "not-writable": { status: 422, title: "The change cannot be written back to its source" },
  "source-schema-changed": { status: 422, title: "A field or object the source read relies on no longer exists" },
  "mass-delete-held": { status: 422, title: "Reconciliation held back deleting most of an object's records" },
  // A source refusing the connection's own credentials is not the caller's auth failing: 424, never 401/403.
  "source-credentials-rejected": { status: 424, title: "The source rejected the connection's credentials" },
  "source-permission-denied": { status: 424, title: "The connection's source user lacks a permission this needs" },
  "source-unreachable": { status: 502, title: "The source could not be reached or failed" },
  "source-quota-reached": { status: 503, title: "The source's API quota is used up for now" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  "not-implemented": { status: 501, title: "Not implemented yet" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export const FieldIssueSchema = z
  .object({
    path: z.string().openapi({ example: "body.email" }),
    message: z.string().openapi({ example: "Invalid email address" }),
    code: z.string().openapi({ example: "invalid_format" }),
    file: z.string().optional().openapi({ description: "For an issue inside a submitted document (a mapping's YAML): the document" }),
    line: z.number().int().optional().openapi({ description: "1-based line in that document" }),
    column: z.number().int().optional(),
  })
  .openapi("FieldIssue");

export const ProblemSchema = z
  .object({
    type: z.string().url().openapi({ example: `${PROBLEM_TYPE_BASE}validation-error` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    trace_id: z.string().openapi({ example: "4bf92f3577b34da6a3ce929d0e0e4736" }),
    errors: z.array(FieldIssueSchema).optional(),
  })
  .openapi("Problem");

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** Thrown anywhere below the gateway; the error handler turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly extras: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? problemKinds[kind].title);
    this.name = "ProblemError";
  }
}

export function problemResponse(
  kind: ProblemKind,
  ctx: { traceId: string; instance: string; detail?: string; errors?: FieldIssue[]; headers?: Record<string, string> },
): Response {
  const { status, title } = problemKinds[kind];
  const body: Problem = {
    type: PROBLEM_TYPE_BASE + kind,
    title,
    status,
    ...(ctx.detail === undefined ? {} : { detail: ctx.detail }),
    instance: ctx.instance,
    trace_id: ctx.traceId,
    ...(ctx.errors === undefined ? {} : { errors: ctx.errors }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...ctx.headers },
  });
}

/** zod issues → one entry per field, prefixed with where the value came from (body, query, path, header). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], target: string): FieldIssue[] {
  return issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join("."),
    message: issue.message,
    code: issue.code,
  }));
}

/** OpenAPI response entries for the problems a route can return. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: Object.values(problemKinds).find((k) => k.status === status)?.title ?? "Problem",
        content: { "application/problem+json": { schema: ProblemSchema } },
      },
    ]),
  );
}
