/**
 * Audit entries for what the platform does on its own (an automatic mapping repair): no HTTP request carries them,
 * so they are appended to the tenant's chain here, as the audit middleware does for requests, with actor_type
 * `system`. Method and resource name the equivalent API action; route is null since no route handled a request.
 * As in the middleware, a failed append never undoes the action: the whole entry goes to the error log instead.
 */
import type { Env } from "../../env";
import type { AuditEntry } from "../../audit/schema";
import { createLogger, errorFields, logLevel } from "../../platform/log";
import { tenantGate } from "../../../durable-objects/tenant-gate";

export async function auditSystemAction(env: Env, action: Pick<AuditEntry, "tenant_id" | "actor_id" | "resource" | "trace_id">): Promise<void> {
  const entry: AuditEntry = { ...action, occurred_at: new Date().toISOString(), actor_type: "system", method: "POST", route: null, status: 200, body_hash: null };
  try {
    await tenantGate(env, entry.tenant_id).appendAudit(entry);
  } catch (err) {
    createLogger({ tenant_id: entry.tenant_id, trace_id: entry.trace_id }, logLevel(env.LOG_LEVEL)).error("audit append failed", { audit_entry: entry, ...errorFields(err) });
  }
}
