/** Token-bucket rate limiting per tenant plan, persisted in the TenantGate's SQLite storage. */
import type { Plan } from "../../workers/auth/principal";

export interface BucketPolicy {
  /** bucket size: the burst a client may send at once */
  capacity: number;
  /** tokens added per second */
  refillPerSecond: number;
}

/** `anonymous` applies to unauthenticated calls (sign-up, sign-in), keyed by client address. */
export type PolicyName = Plan | "anonymous";

export const PLAN_POLICIES = {
  free: { capacity: 120, refillPerSecond: 2 },
  pro: { capacity: 600, refillPerSecond: 10 },
  enterprise: { capacity: 3000, refillPerSecond: 50 },
  anonymous: { capacity: 60, refillPerSecond: 1 },
} as const satisfies Record<PolicyName, BucketPolicy>;

export interface RateLimitDecision {
  allowed: boolean;
  policy: PolicyName;
  limit: number;
  /** whole tokens left after this request */
  remaining: number;
  /** seconds until the bucket is full again */
  resetSeconds: number;
  /** seconds until one more request is allowed (0 when allowed) */
  retryAfterSeconds: number;
  /** seconds for a full refill, the policy's window in the RateLimit-Policy header */
  windowSeconds: number;
}

type BucketRow = { tokens: number; updated_at: number };

export class TokenBucket {
  constructor(private readonly sql: SqlStorage) {
    // One row per policy: a tenant that changes plan starts the new plan with a full bucket.
    sql.exec(`CREATE TABLE IF NOT EXISTS rate_limit_bucket (
      policy TEXT PRIMARY KEY,
      tokens REAL NOT NULL,
      updated_at INTEGER NOT NULL
    )`);
  }

  /** Refills for the time elapsed since the last call, then takes one token if there is one. Synchronous, so atomic. */
  take(policy: PolicyName, now: number): RateLimitDecision {
    const { capacity, refillPerSecond } = PLAN_POLICIES[policy];
    const row = this.sql
      .exec<BucketRow>("SELECT tokens, updated_at FROM rate_limit_bucket WHERE policy = ?", policy)
      .toArray()[0];
    // A clock that steps backwards must not mint tokens, hence max(0, …).
    const elapsedSeconds = row === undefined ? 0 : Math.max(0, now - row.updated_at) / 1000;
    const available = row === undefined ? capacity : Math.min(capacity, row.tokens + elapsedSeconds * refillPerSecond);
    const allowed = available >= 1;
    const tokens = allowed ? available - 1 : available;
    this.sql.exec(
      `INSERT INTO rate_limit_bucket (policy, tokens, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (policy) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
      policy,
      tokens,
      now,
    );
    return {
      allowed,
      policy,
      limit: capacity,
      remaining: Math.floor(tokens),
      resetSeconds: Math.ceil((capacity - tokens) / refillPerSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)),
      windowSeconds: Math.ceil(capacity / refillPerSecond),
    };
  }
}
