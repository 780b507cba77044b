/** The API's RFC 9457 problems, as the console shows them. */
import type { FieldIssue, Problem } from "$workers/gateway/problem";

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }

  /** The stable kind: the last segment of the problem's `type` URI (e.g. `validation-error`). */
  get kind(): string {
    return this.problem.type.slice(this.problem.type.lastIndexOf("/") + 1);
  }

  /** Per-field messages keyed by the field's name in the request body (`body.email` → `email`). */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const issue of this.problem.errors ?? []) fields[fieldName(issue)] ??= issue.message;
    return fields;
  }
}

const fieldName = (issue: FieldIssue) => issue.path.replace(/^(body|query|params|header)\./, "");

/** What to tell a person about any failure: the problem's title and detail, or the network error. */
export function describeError(error: unknown): { title: string; detail: string | null; traceId: string | null } {
  if (error instanceof ApiError) {
    const detail = error.problem.detail ?? null;
    return { title: error.problem.title, detail: detail === error.problem.title ? null : detail, traceId: error.problem.trace_id };
  }
  if (error instanceof TypeError) return { title: "The server could not be reached", detail: error.message, traceId: null };
  return { title: "Something went wrong", detail: error instanceof Error ? error.message : String(error), traceId: null };
}
