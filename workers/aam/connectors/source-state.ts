/**
 * What a user can do about a source, the same words for every connector: a check reports one of these states,
 * and a failing read or write throws the state's problem kind, which also tells the sync consumer whether to
 * retry (unreachable), wait for the quota (quota-reached) or stop until a person acts (the rest).
 */
import { z } from "@hono/zod-openapi";
import { ProblemError, type ProblemKind } from "../../gateway/problem";

export const SourceStateSchema = z
  .enum([
    "ok",
    /** the source refuses the connection's credentials: reconnect with new ones */
    "bad-credentials",
    /** the source user lacks access to an object or field: grant it at the source */
    "missing-permission",
    /** the source's API allocation is used up: syncs resume after it resets */
    "quota-reached",
    /** the source cannot be reached or failed: retried with backoff */
    "unreachable",
    /** a field or object the mapping relies on is gone: rediscover and re-map */
    "schema-drift",
  ])
  .openapi("SourceState");
export type SourceState = z.infer<typeof SourceStateSchema>;
export type SourceFailure = Exclude<SourceState, "ok">;

export const problemKindOfSourceState: Record<SourceFailure, ProblemKind> = {
  "bad-credentials": "source-credentials-rejected",
  "missing-permission": "source-permission-denied",
  "quota-reached": "source-quota-reached",
  unreachable: "source-unreachable",
  "schema-drift": "source-schema-changed",
};

const stateOfProblemKind = new Map(Object.entries(problemKindOfSourceState).map(([state, kind]) => [kind, state as SourceFailure]));

/** The problem a connector throws for a failing source; `retryAfterSeconds` says when a quota or outage may pass. */
export function sourceProblem(state: SourceFailure, detail: string, retryAfterSeconds?: number): ProblemError {
  const headers = retryAfterSeconds === undefined ? undefined : { "retry-after": String(Math.ceil(retryAfterSeconds)) };
  return new ProblemError(problemKindOfSourceState[state], detail, headers === undefined ? {} : { headers });
}

/** The state behind a connector's problem, or undefined for anything that is not a source failure. */
export function sourceStateOf(error: unknown): SourceFailure | undefined {
  return error instanceof ProblemError ? stateOfProblemKind.get(error.kind) : undefined;
}
