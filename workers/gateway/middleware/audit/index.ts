/**
 * Audit: every mutating API request whose caller is known is appended, with its final status (errors included), to
 * the caller's tenant audit log in its TenantGate. The caller is read again after the route ran, so sign-up, sign-in
 * and refresh, which learn who the caller is only in their handler, are recorded too. Unauthenticated failures belong
 * to no tenant's chain; the tracing log line records them, as it does requests turned away before this point
 * (rate limit, idempotency replays and conflicts), which never reached a handler.
 *
 * The append is awaited: the record is part of the request. If it fails, the response still goes out and the whole
 * entry is written to the error log, so it is never lost silently.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../../context";
import type { AuditEntry } from "../../../audit/schema";
import { bodyDigest } from "../../body-digest";
import { isMutating } from "../../methods";
import { errorFields } from "../../../platform/log";
import { tenantGate } from "../../../../durable-objects/tenant-gate";

/** The pattern of the route that handled the request: the last one matched after this middleware, if any. */
function handlingRoute(c: Context<AppEnv>, auditIndex: number): string | null {
  const matched = matchedRoutes(c);
  const last = matched.at(-1);
  return last !== undefined && matched.length - 1 > auditIndex ? last.path : null;
}

export const audit = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!isMutating(c.req.method)) return next();
    const auditIndex = c.req.routeIndex;
    // A caller unknown before the route but known after it signed in with the request body (password or refresh
    // token): that body is not hashed into the log, where a fast hash of a password could be brute-forced.
    // Other bodies are hashed before the route reads them, so the digest is of the bytes as received (what the
    // route leaves in Hono's body cache is decoded text, without a byte-order mark or invalid UTF-8).
    const bodyHash = c.get("principal") === undefined ? null : await bodyDigest(c);
    await next();

    const principal = c.get("principal");
    if (principal === undefined) return;
    const entry: AuditEntry = {
      tenant_id: principal.tenantId,
      occurred_at: new Date().toISOString(),
      actor_type: principal.kind,
      actor_id: principal.actorId,
      method: c.req.method,
      route: handlingRoute(c, auditIndex),
      resource: c.req.path,
      status: c.res.status,
      trace_id: c.get("trace").traceId,
      body_hash: bodyHash,
    };
    try {
      await tenantGate(c.env, principal.tenantId).appendAudit(entry);
    } catch (err) {
      c.get("log").error("audit append failed", { audit_entry: entry, ...errorFields(err) });
    }
  });
