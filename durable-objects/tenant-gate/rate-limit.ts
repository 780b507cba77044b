/**
 * Token-bucket rate limiting per tenant plan. The buckets live in the TenantGate's memory and are written to its
 * SQLite storage when first used, when one empties, and otherwise at most once per PERSIST_EVERY_MS: a write on every
 * request made each API call wait for a confirmed storage write (the output gate), most of the gateway's overhead.
 * An object that restarts continues from the stored bucket, forgetting at most PERSIST_EVERY_MS of spending; denials
 * change nothing a reload would not recompute (refilling is the same from either timestamp), so they never write.
 */
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

/** How much spending a restarted object may forget: the longest a changed bucket stays unwritten. */
export const PERSIST_EVERY_MS = 1000;

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** when this bucket was last written; null if it never was */
  persistedAt: number | null;
}

export class TokenBucket {
  private readonly buckets = new Map<PolicyName, Bucket>();

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
    const bucket = this.bucketOf(policy, now);
    // A clock that steps backwards must not mint tokens, hence max(0, …).
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    const available = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
    const allowed = available >= 1;
    const tokens = allowed ? available - 1 : available;
    bucket.tokens = tokens;
    bucket.updatedAt = now;
    if (allowed && (bucket.persistedAt === null || tokens < 1 || now - bucket.persistedAt >= PERSIST_EVERY_MS)) this.persist(policy, bucket);
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

  /** The policy's bucket: in memory, else as stored, else full. */
  private bucketOf(policy: PolicyName, now: number): Bucket {
    let bucket = this.buckets.get(policy);
    if (bucket === undefined) {
      const row = this.sql.exec<BucketRow>("SELECT tokens, updated_at FROM rate_limit_bucket WHERE policy = ?", policy).toArray()[0];
      bucket =
        row === undefined
          ? { tokens: PLAN_POLICIES[policy].capacity, updatedAt: now, persistedAt: null }
          : { tokens: row.tokens, updatedAt: row.updated_at, persistedAt: row.updated_at };
      this.buckets.set(policy, bucket);
    }
    return bucket;
  }

  private persist(policy: PolicyName, bucket: Bucket): void {
    this.sql.exec(
      `INSERT INTO rate_limit_bucket (policy, tokens, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (policy) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
      policy,
      bucket.tokens,
      bucket.updatedAt,
    );
    bucket.persistedAt = bucket.updatedAt;
  }
}
