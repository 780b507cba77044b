import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PERSIST_EVERY_MS, PLAN_POLICIES, type PolicyName, TokenBucket } from "../../../durable-objects/tenant-gate/rate-limit";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import { randomHex } from "../../../workers/platform/ids";

const T0 = 1_700_000_000_000;

/** A bucket over the SQL storage of a gate of its own, with time injected by the test. */
function withBucket<R>(use: (bucket: TokenBucket, sql: SqlStorage) => R): Promise<R> {
  return runInDurableObject(tenantGate(env, `bucket-${randomHex(8)}`), (_gate, state) =>
    use(new TokenBucket(state.storage.sql), state.storage.sql),
  );
}

function drain(bucket: TokenBucket, policy: PolicyName, now: number): number {
  let allowed = 0;
  while (bucket.take(policy, now).allowed) allowed += 1;
  return allowed;
}

describe("TokenBucket: policies", () => {
  it("has the plan limits: 120 @ 2/s free, 600 @ 10/s pro, 3000 @ 50/s enterprise, 60 @ 1/s anonymous", () => {
    expect(PLAN_POLICIES).toEqual({
      free: { capacity: 120, refillPerSecond: 2 },
      pro: { capacity: 600, refillPerSecond: 10 },
      enterprise: { capacity: 3000, refillPerSecond: 50 },
      anonymous: { capacity: 60, refillPerSecond: 1 },
    });
  });

  it.each(Object.keys(PLAN_POLICIES) as PolicyName[])("a fresh %s bucket starts full", async (policy) => {
    const { capacity, refillPerSecond } = PLAN_POLICIES[policy];
    const decision = await withBucket((bucket) => bucket.take(policy, T0));
    expect(decision).toEqual({
      allowed: true,
      policy,
      limit: capacity,
      remaining: capacity - 1,
      resetSeconds: Math.ceil(1 / refillPerSecond),
      retryAfterSeconds: 0,
      windowSeconds: capacity / refillPerSecond,
    });
  });
});

describe("TokenBucket: the maths", () => {
  it("allows exactly the capacity at one instant, then denies with Retry-After", async () => {
    const [allowed, denied] = await withBucket((bucket) => [drain(bucket, "free", T0), bucket.take("free", T0)] as const);
    expect(allowed).toBe(120);
    expect(denied).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1, resetSeconds: 60 });
  });

  it("refills at the policy's rate: one token after 1/rate seconds, not before", async () => {
    const outcomes = await withBucket((bucket) => {
      drain(bucket, "pro", T0); // 10 tokens/s: one token per 100 ms
      return [bucket.take("pro", T0 + 99).allowed, bucket.take("pro", T0 + 100).allowed, bucket.take("pro", T0 + 100).allowed];
    });
    expect(outcomes).toEqual([false, true, false]);
  });

  it("refills in proportion to the time elapsed", async () => {
    const allowed = await withBucket((bucket) => {
      drain(bucket, "free", T0);
      return drain(bucket, "free", T0 + 10_000);
    });
    expect(allowed).toBe(20);
  });

  it("never holds more than its capacity, however long idle", async () => {
    const decision = await withBucket((bucket) => {
      bucket.take("anonymous", T0);
      return bucket.take("anonymous", T0 + 24 * 3600_000);
    });
    expect(decision.remaining).toBe(59);
  });

  it("rounds Retry-After up to the whole second in which a token is back", async () => {
    const decision = await withBucket((bucket) => {
      drain(bucket, "anonymous", T0);
      return bucket.take("anonymous", T0 + 400); // 0.4 tokens: 0.6 s to go
    });
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 1, remaining: 0, resetSeconds: 60 });
  });

  it("reports the seconds until the bucket is full again", async () => {
    const decision = await withBucket((bucket) => {
      for (let i = 0; i < 30; i += 1) bucket.take("anonymous", T0);
      return bucket.take("anonymous", T0);
    });
    expect(decision).toMatchObject({ remaining: 29, resetSeconds: 31 });
  });

  it("does not mint tokens when the clock steps backwards", async () => {
    const allowed = await withBucket((bucket) => {
      drain(bucket, "free", T0);
      return drain(bucket, "free", T0 - 60_000);
    });
    expect(allowed).toBe(0);
  });

  it("keeps a bucket per policy, so a plan change starts from the new plan's full bucket", async () => {
    const decision = await withBucket((bucket) => {
      drain(bucket, "free", T0);
      return bucket.take("pro", T0);
    });
    expect(decision).toMatchObject({ allowed: true, remaining: 599 });
  });

  it("persists the bucket in SQL storage, so a new instance (after eviction) continues it", async () => {
    const decision = await withBucket((bucket, sql) => {
      drain(bucket, "free", T0);
      return new TokenBucket(sql).take("free", T0);
    });
    expect(decision.allowed).toBe(false);
  });

  it("writes a bucket that still has tokens at most once per PERSIST_EVERY_MS, and forgets no more than that", async () => {
    const stored = await withBucket((bucket, sql) => {
      const storedTokens = () => sql.exec<{ tokens: number }>("SELECT tokens FROM rate_limit_bucket WHERE policy = 'free'").one().tokens;
      bucket.take("free", T0); // first use: written
      const afterFirst = storedTokens();
      for (let i = 1; i <= 10; i++) bucket.take("free", T0 + i); // within the interval: memory only
      const within = storedTokens();
      bucket.take("free", T0 + PERSIST_EVERY_MS); // the interval is over: written
      return { afterFirst, within, after: storedTokens(), restarted: new TokenBucket(sql).take("free", T0 + PERSIST_EVERY_MS).remaining };
    });
    expect(stored.afterFirst).toBe(119);
    expect(stored.within).toBe(119);
    expect(stored.after).toBeCloseTo(120 - 12 + 2, 5); // 12 taken, 2 refilled in the second that passed
    expect(stored.restarted).toBe(Math.floor(stored.after - 1)); // continued from the stored bucket, not a full one
  });
});

describe("TenantGate.rateLimit over RPC", () => {
  it("takes from the bucket of the gate it is called on", async () => {
    const [first, other] = [tenantGate(env, `rpc-${randomHex(8)}`), tenantGate(env, `rpc-${randomHex(8)}`)];
    await runInDurableObject(first, (_gate, state) => drain(new TokenBucket(state.storage.sql), "anonymous", Date.now()));
    expect(await first.rateLimit("anonymous")).toMatchObject({ allowed: false, policy: "anonymous", remaining: 0 });
    expect(await other.rateLimit("anonymous")).toMatchObject({ allowed: true, policy: "anonymous", limit: 60, remaining: 59 });
  });
});
