import { env, runInDurableObject } from "cloudflare:test";
import { tenantGate } from "../../durable-objects/tenant-gate";
import type { AuditEntry, AuditRecord } from "../../workers/audit/schema";

/** A well-formed entry for the tenant; override what the test is about. */
export function auditEntry(tenantId: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    tenant_id: tenantId,
    occurred_at: new Date().toISOString(),
    actor_type: "user",
    actor_id: "usr_test",
    method: "POST",
    route: "/api/v1/things",
    resource: "/api/v1/things",
    status: 201,
    trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
    body_hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ...overrides,
  };
}

/**
 * Runs raw SQL against the tenant gate's storage the way an attacker with storage access would: the append-only
 * triggers only stop accidental writes, so they are dropped first.
 */
export function tamperAuditStorage(tenantId: string, ...statements: string[]): Promise<void> {
  return runInDurableObject(tenantGate(env, tenantId), (_gate, state) => {
    state.storage.sql.exec("DROP TRIGGER IF EXISTS audit_log_no_update");
    state.storage.sql.exec("DROP TRIGGER IF EXISTS audit_log_no_delete");
    for (const statement of statements) state.storage.sql.exec(statement);
  });
}

/** The tenant's audit records straight from its gate, newest first. */
export async function auditRecords(tenantId: string): Promise<AuditRecord[]> {
  return (await tenantGate(env, tenantId).listAudit({ limit: 200 })).items;
}
