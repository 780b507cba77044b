/**
 * A SalesforceError as the platform's problem: the shared source states (source-state.ts) for what a user can act
 * on or wait out, so the sync consumer retries an outage, defers a spent quota by its Retry-After, and stops for
 * credentials, permissions or schema drift. Salesforce's own code stays in the detail; no credential ever is.
 */
import { ProblemError, type ProblemKind } from "../../../gateway/problem";
import { type SourceFailure, sourceProblem } from "../source-state";
import { SalesforceError, type SalesforceState } from "./errors";

/**
 * How long a spent quota is waited out. The daily allocation is a rolling 24 h window and Salesforce reports only
 * used/limit, never when calls age out, so there is no reset time to wait for: an hour frees about 1/24 of a day's
 * evenly spread calls, and a retry costs at most the token request and one call to learn the usage again.
 */
export const QUOTA_RETRY_AFTER_SECONDS = 3600;

const sourceStateOf: Partial<Record<SalesforceState, SourceFailure>> = {
  "bad-credentials": "bad-credentials",
  "missing-permission": "missing-permission",
  "quota-reached": "quota-reached",
  "schema-drift": "schema-drift",
  unreachable: "unreachable",
};

/** What the caller sent: an id that does not exist, a duplicated external id, a record Salesforce refuses. */
const callerKindOf: Partial<Record<SalesforceState, ProblemKind>> = {
  "not-found": "not-found",
  conflict: "conflict",
  "invalid-record": "validation-error",
};

/** Anything else (a refused query, an unreadable stored cursor) is the connector's own bug: internal. */
export function asProblem(error: unknown): unknown {
  if (!(error instanceof SalesforceError)) return error;
  const detail = `Salesforce ${error.state} (${error.code}): ${error.message}`;
  const state = sourceStateOf[error.state];
  if (state !== undefined) return sourceProblem(state, detail, state === "quota-reached" ? QUOTA_RETRY_AFTER_SECONDS : undefined);
  return new ProblemError(callerKindOf[error.state] ?? "internal", detail);
}

/** Runs `work`, turning a SalesforceError into its ProblemError. */
export async function problemsOf<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asProblem(error);
  }
}
