/**
 * TenantGate: one SQLite-backed Durable Object per tenant (and one per anonymous client address for public
 * routes). Being single-threaded per tenant, it is the serialisation point for the tenant's rate-limit bucket,
 * idempotency records and audit chain; each concern is its own module over the object's SQL storage.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/env";
import type { AuditEntry, AuditQuery } from "../../workers/audit/schema";
import { type PolicyName, TokenBucket } from "./rate-limit";
import { IdempotencyStore, type StoredResponse } from "./idempotency";
import { AuditLog } from "./audit-log";

export class TenantGate extends DurableObject<Env> {
  private readonly bucket: TokenBucket;
  private readonly idempotency: IdempotencyStore;
  private readonly auditLog: AuditLog;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Each module creates its tables (IF NOT EXISTS) synchronously here, before any request is delivered.
    this.bucket = new TokenBucket(ctx.storage.sql);
    this.idempotency = new IdempotencyStore(ctx.storage.sql);
    this.auditLog = new AuditLog(ctx.storage);
  }

  /** Liveness probe for the health check. */
  override async fetch(): Promise<Response> {
    return new Response("pong");
  }

  rateLimit(policy: PolicyName) {
    return this.bucket.take(policy, Date.now());
  }

  async beginIdempotent(key: string, fingerprint: string) {
    const result = this.idempotency.begin(key, fingerprint, Date.now());
    if (result.state === "started") await this.scheduleIdempotencyPurge();
    return result;
  }

  completeIdempotent(key: string, response: StoredResponse) {
    this.idempotency.complete(key, response, Date.now());
  }

  releaseIdempotent(key: string) {
    this.idempotency.release(key);
  }

  appendAudit(entry: AuditEntry) {
    return this.auditLog.append(entry);
  }

  listAudit(query: AuditQuery) {
    return this.auditLog.list(query);
  }

  verifyAudit() {
    return this.auditLog.verify();
  }

  override async alarm(): Promise<void> {
    const next = this.idempotency.purgeExpired(Date.now());
    if (next !== undefined) await this.ctx.storage.setAlarm(next);
  }

  /** The alarm re-arms itself while records remain, so no alarm set means nothing else is waiting to expire. */
  private async scheduleIdempotencyPurge(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) {
      const next = this.idempotency.purgeExpired(Date.now());
      if (next !== undefined) await this.ctx.storage.setAlarm(next);
    }
  }
}

/** The gate for a tenant (or, for anonymous calls, `anon:<client address>`). */
export function tenantGate(env: Env, key: string): DurableObjectStub<TenantGate> {
  const ns = env.TENANT_GATE as DurableObjectNamespace<TenantGate>;
  return ns.get(ns.idFromName(key));
}
