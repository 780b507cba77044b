/**
 * Salesforce failures as one typed error with a state a user can act on. REST errors arrive as an array of
 * `{message, errorCode, fields}`, OAuth errors as `{error, error_description}`; both are parsed here and mapped by
 * code, so callers switch on `state`, never on message text.
 */
import { z } from "@hono/zod-openapi";

export const RestErrorsSchema = z.array(
  z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }),
);
export const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const salesforceStates = [
  /** the credentials, app or user are refused: reconnect */
  "bad-credentials",
  /** the user lacks access to an object or field */
  "missing-permission",
  /** the daily API allocation is (nearly) used up: resume later */
  "quota-reached",
  /** a field or object the sync relies on no longer exists: rediscover (schema drift) */
  "schema-drift",
  /** the query the client built was refused: a bug, not the user's to fix */
  "malformed-query",
  /** the record or resource does not exist */
  "not-found",
  /** a saved cursor can no longer be continued (expired locator): restart from its watermark */
  "cursor-expired",
  /** an upsert's external id matches more than one record: a duplicate to resolve at the source */
  "conflict",
  /** Salesforce refused a record written (a required field, a validation rule): the write's data is at fault */
  "invalid-record",
  /** Salesforce could not be reached or failed */
  "unreachable",
] as const;
export type SalesforceState = (typeof salesforceStates)[number];

const stateOfCode: Record<string, SalesforceState> = {
  INVALID_SESSION_ID: "bad-credentials",
  REQUEST_LIMIT_EXCEEDED: "quota-reached",
  INVALID_FIELD: "schema-drift",
  INVALID_TYPE: "schema-drift",
  MALFORMED_QUERY: "malformed-query",
  NOT_FOUND: "not-found",
  ENTITY_IS_DELETED: "not-found",
  INSUFFICIENT_ACCESS: "missing-permission",
  INSUFFICIENT_ACCESS_OR_READONLY: "missing-permission",
  API_DISABLED_FOR_ORG: "missing-permission",
  INVALID_QUERY_LOCATOR: "cursor-expired",
  // OAuth: invalid_grant covers a bad signature, an unapproved user and an expired assertion
  invalid_grant: "bad-credentials",
  invalid_client: "bad-credentials",
  invalid_client_id: "bad-credentials",
  unsupported_grant_type: "bad-credentials",
  inactive_user: "bad-credentials",
  inactive_org: "bad-credentials",
};

export class SalesforceError extends Error {
  override readonly name = "SalesforceError";
  constructor(
    readonly state: SalesforceState,
    /** Salesforce's errorCode (or OAuth error), or the client's own code such as QUOTA_STOP */
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

export function stateOf(code: string, status: number): SalesforceState {
  return stateOfCode[code] ?? (status === 400 ? "invalid-record" : status === 403 ? "missing-permission" : status === 404 ? "not-found" : "unreachable");
}

/** The error a failed response stands for; the body is read here. */
export async function errorFromResponse(response: Response): Promise<SalesforceError> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // an HTML maintenance page or a proxy's error: keep the status
  }
  // an upsert by external id that matches several records answers 300 with their URLs
  if (response.status === 300) {
    const matches = Array.isArray(json) ? json.length : 0;
    return new SalesforceError("conflict", "MULTIPLE_CHOICES", `${matches} records hold this external id`, 300);
  }
  const rest = RestErrorsSchema.safeParse(json);
  const first = rest.success ? rest.data[0] : undefined;
  if (first !== undefined) {
    return new SalesforceError(stateOf(first.errorCode, response.status), first.errorCode, first.message, response.status, first.fields);
  }
  const oauth = OAuthErrorSchema.safeParse(json);
  if (oauth.success) {
    const { error, error_description: description } = oauth.data;
    return new SalesforceError(stateOf(error, response.status), error, description ?? error, response.status);
  }
  return new SalesforceError(stateOf("", response.status), `HTTP_${response.status}`, `Salesforce answered HTTP ${response.status}`, response.status);
}
