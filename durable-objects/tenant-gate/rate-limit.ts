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

export interface RateLimitDecision {
  allowed: boolean;
  policy: PolicyName;
  limit: number;
  remaining: number;
  /** seconds until the bucket is full again */
  resetSeconds: number;
  /** seconds until one more request is allowed (0 when allowed) */
  retryAfterSeconds: number;
  /** seconds for a full refill, the policy's window in the RateLimit-Policy header */
  windowSeconds: number;
}

export declare const PLAN_POLICIES: Record<PolicyName, BucketPolicy>;

export class TokenBucket {
  constructor(private readonly sql: SqlStorage) {
    throw new Error("placeholder: implemented by the rate-limit work package");
  }
  take(policy: PolicyName, now: number, cost = 1): RateLimitDecision {
    void policy; void now; void cost; void this.sql;
    throw new Error("placeholder");
  }
}
