/**
 * The driver's errors in the shared source states (workers/aam/connectors/source-state.ts). mongod answers a
 * failed command with `{ ok: 0, errmsg, code, codeName }` (a MongoServerError); Atlas wraps its own refusals in
 * code 8000 `AtlasError` with the reason in the message ("bad auth : authentication failed", "user is not allowed
 * to do action [find] on [crm.accounts]"), so those are told apart by message. Network and server-selection
 * errors are an unreachable server (wrong host, a firewall or an Atlas IP access list without the Workers'
 * egress). Anything else is no source failure (a bug in the query) and stays an exception.
 */
import { MongoNetworkError, MongoParseError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError } from "mongodb";
import type { SourceFailure } from "../../workers/aam/connectors/source-state";

const AUTHENTICATION_FAILED = 18;
const UNAUTHORIZED = 13;
const NAMESPACE_NOT_FOUND = 26;
const ATLAS_ERROR = 8000;
// the server is there but cannot serve now: shutting down, stepping down, out of time
const TRANSIENT = new Set([6, 7, 50, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

const DETAIL_LIMIT = 300;

export interface MongoFailure {
  state: SourceFailure;
  detail: string;
}

export function mongoFailureOf(error: unknown): MongoFailure | undefined {
  if (error instanceof MongoServerError) return serverFailure(error);
  if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || error instanceof MongoTopologyClosedError) {
    return { state: "unreachable", detail: `MongoDB could not be reached: ${short(error.message)}` };
  }
  if (error instanceof MongoParseError) {
    // the parser's message may quote the connection string, credentials included
    return { state: "bad-credentials", detail: "The connection string is not a valid MongoDB connection string" };
  }
  return undefined;
}

function serverFailure(error: MongoServerError): MongoFailure | undefined {
  const said = `${short(error.message)} (${error.codeName ?? `code ${String(error.code)}`})`;
  if (error.code === AUTHENTICATION_FAILED) return { state: "bad-credentials", detail: `MongoDB rejected the connection string's user: ${said}` };
  if (error.code === UNAUTHORIZED) return { state: "missing-permission", detail: `The connection's MongoDB user lacks a privilege: ${said}` };
  if (error.code === NAMESPACE_NOT_FOUND) return { state: "schema-drift", detail: `A collection is gone: ${said}` };
  if (error.code === ATLAS_ERROR) return atlasFailure(error.message, said);
  if (/RateLimit/i.test(error.codeName ?? "")) return { state: "quota-reached", detail: `MongoDB is limiting requests: ${said}` };
  if (typeof error.code === "number" && TRANSIENT.has(error.code)) return { state: "unreachable", detail: `MongoDB could not serve the request: ${said}` };
  return undefined;
}

function atlasFailure(message: string, said: string): MongoFailure | undefined {
  if (/bad auth|authentication failed/i.test(message)) return { state: "bad-credentials", detail: `Atlas rejected the connection string's user: ${said}` };
  if (/not allowed|not authorized|unauthorized/i.test(message)) return { state: "missing-permission", detail: `The Atlas user lacks a privilege: ${said}` };
  if (/rate limit|too many|exceeded/i.test(message)) return { state: "quota-reached", detail: `Atlas is limiting requests: ${said}` };
  return undefined;
}

const short = (text: string) => (text.length > DETAIL_LIMIT ? `${text.slice(0, DETAIL_LIMIT)}…` : text);
