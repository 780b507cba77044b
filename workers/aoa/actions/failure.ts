/**
 * A failed execution kept as a problem object on the action. Problems raised on purpose (a source refusing the
 * write, a record gone) keep their kind and detail; anything else is `internal`, its message logged rather than
 * shown, as the gateway does for requests.
 */
import type { Env } from "../../env";
import { type Problem, PROBLEM_TYPE_BASE, ProblemError, problemKinds } from "../../gateway/problem";
import { createLogger, errorFields, logLevel } from "../../platform/log";

export function failureProblem(env: Env, err: unknown, context: { tenantId: string; actionId: string; traceId: string }): Problem {
  const log = createLogger({ tenant_id: context.tenantId, trace_id: context.traceId, action_id: context.actionId }, logLevel(env.LOG_LEVEL));
  if (!(err instanceof ProblemError)) {
    log.error("action failed unexpectedly", errorFields(err));
    return problem("internal", "The action failed unexpectedly; quote the trace_id to support", context.traceId);
  }
  log.warn("action failed", { problem: err.kind, detail: err.detail });
  return { ...problem(err.kind, err.detail, context.traceId), ...(err.extras.errors === undefined ? {} : { errors: err.extras.errors }) };
}

function problem(kind: keyof typeof problemKinds, detail: string | undefined, traceId: string): Problem {
  const { status, title } = problemKinds[kind];
  return { type: PROBLEM_TYPE_BASE + kind, title, status, ...(detail === undefined ? {} : { detail }), trace_id: traceId };
}
