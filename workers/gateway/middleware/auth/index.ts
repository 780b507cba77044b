/**
 * Auth: resolves `Authorization: Bearer <credential>` into the caller (`c.get("principal")`). A credential starting
 * with `aos_` is an API key, anything else an access token (JWT). The caller's tenant comes from the credential
 * alone; the rest of the chain (rate limit, idempotency, audit, routes) keys on `principal.tenantId`.
 * Only the paths in PUBLIC_PATHS, and those matching PUBLIC_PATH_PATTERNS, are reachable without credentials.
 */
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv } from "../../context";
import type { Principal } from "../../../auth/principal";
import { authenticateApiKey, isApiKey, touchApiKey } from "../../../auth/api-keys";
import { verifyAccessToken } from "../../../auth/tokens";
import { database, forTenant } from "../../../platform/db";
import { errorFields } from "../../../platform/log";
import { ProblemError, problemKinds } from "../../problem";
import { DOCS_PATH, OPENAPI_PATH } from "../../openapi";
import { protocolCredential } from "./websocket-protocol";

export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/health",
  "/api/v1/auth/register",
  "/api/v1/auth/login",
  "/api/v1/auth/refresh",
  OPENAPI_PATH,
  DOCS_PATH,
]);

/** Public paths with a parameter; each route authenticates the request its own way. */
export const PUBLIC_PATH_PATTERNS: readonly RegExp[] = [
  // push ingest: signed per connection (middleware/ingest-signature)
  /^\/api\/v1\/aam\/ingest\/[^/]+$/,
];

const isPublic = (path: string) => PUBLIC_PATHS.has(path) || PUBLIC_PATH_PATTERNS.some((pattern) => pattern.test(path));

const REALM = 'Bearer realm="autonomos"';
const BEARER = /^Bearer +(\S+)$/i;

/** RFC 6750 §3: a missing credential gets a bare challenge, a rejected one says why in `error`. */
function challenged(err: ProblemError): ProblemError {
  const challenge = err.kind === "unauthorized" ? REALM : `${REALM}, error="invalid_token"`;
  return new ProblemError(err.kind, err.detail, { ...err.extras, headers: { ...err.extras.headers, "WWW-Authenticate": challenge } });
}

function bearerCredential(header: string | undefined): string {
  if (header === undefined) throw new ProblemError("unauthorized", "Send an access token or API key as `Authorization: Bearer …`");
  const credential = BEARER.exec(header.trim())?.[1];
  if (credential === undefined) throw new ProblemError("invalid-token", "The Authorization header must use the Bearer scheme");
  return credential;
}

/** The Authorization header, or on a WebSocket upgrade without one, the `bearer.<token>` subprotocol. */
function requestCredential(req: Request): string {
  const header = req.headers.get("authorization");
  return header === null ? (protocolCredential(req) ?? bearerCredential(undefined)) : bearerCredential(header);
}

async function authenticate(c: Context<AppEnv>, credential: string): Promise<Principal> {
  if (!isApiKey(credential)) return verifyAccessToken(c.env, credential);
  const db = database(c.env.DB);
  const principal = await authenticateApiKey(db, credential);
  // last_used_at is informational: record it after the response and never fail the request over it.
  c.executionCtx.waitUntil(
    touchApiKey(forTenant(db, principal.tenantId), principal.actorId).catch((err) =>
      c.get("log").warn("could not record API key use", { api_key_id: principal.actorId, ...errorFields(err) }),
    ),
  );
  return principal;
}

export const auth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (isPublic(c.req.path)) return next();
    try {
      c.set("principal", await authenticate(c, requestCredential(c.req.raw)));
    } catch (err) {
      if (err instanceof ProblemError && problemKinds[err.kind].status === 401) throw challenged(err);
      throw err;
    }
    return next();
  });
