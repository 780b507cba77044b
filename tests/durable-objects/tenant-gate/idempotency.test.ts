import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  IN_FLIGHT_LEASE_MS,
  IdempotencyStore,
  RESPONSE_TTL_MS,
  type StoredResponse,
} from "../../../durable-objects/tenant-gate/idempotency";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import { randomHex } from "../../../workers/platform/ids";

const T0 = 1_700_000_000_000;
const RESPONSE: StoredResponse = {
  status: 201,
  headers: [["content-type", "application/json"], ["set-cookie", "a=1"], ["set-cookie", "b=2"]],
  body: new Uint8Array(new TextEncoder().encode('{"id":"thing_1"}')).buffer,
};

/** A store over the SQL storage of a gate of its own, with time injected by the test. */
function withStore<R>(use: (store: IdempotencyStore, sql: SqlStorage) => R): Promise<R> {
  return runInDurableObject(tenantGate(env, `idem-${randomHex(8)}`), (_gate, state) =>
    use(new IdempotencyStore(state.storage.sql), state.storage.sql),
  );
}

describe("IdempotencyStore: begin", () => {
  it("starts a new key, then reports it in flight to a duplicate", async () => {
    const results = await withStore((store) => [store.begin("k", "fp", T0), store.begin("k", "fp", T0 + 1)]);
    expect(results).toEqual([{ state: "started" }, { state: "in_flight" }]);
  });

  it("replays the completed response byte for byte, headers in order", async () => {
    const result = await withStore((store) => {
      store.begin("k", "fp", T0);
      store.complete("k", RESPONSE, T0 + 5);
      return store.begin("k", "fp", T0 + 10);
    });
    expect(result.state).toBe("replay");
    if (result.state !== "replay") return;
    expect(result.response.status).toBe(201);
    expect(result.response.headers).toEqual(RESPONSE.headers);
    expect(new TextDecoder().decode(result.response.body)).toBe('{"id":"thing_1"}');
  });

  it("reports a mismatch for the same key with another fingerprint, in flight or completed", async () => {
    const results = await withStore((store) => {
      store.begin("k", "fp", T0);
      const inFlight = store.begin("k", "other", T0 + 1);
      store.complete("k", RESPONSE, T0 + 2);
      return [inFlight, store.begin("k", "other", T0 + 3)];
    });
    expect(results).toEqual([{ state: "mismatch" }, { state: "mismatch" }]);
  });

  it("keeps keys apart", async () => {
    const results = await withStore((store) => [store.begin("a", "fp", T0), store.begin("b", "fp", T0)]);
    expect(results).toEqual([{ state: "started" }, { state: "started" }]);
  });
});

describe("IdempotencyStore: release and expiry", () => {
  it("release frees an in-flight key for a retry", async () => {
    const result = await withStore((store) => {
      store.begin("k", "fp", T0);
      store.release("k");
      return store.begin("k", "fp", T0 + 1);
    });
    expect(result).toEqual({ state: "started" });
  });

  it("release leaves a completed record alone", async () => {
    const result = await withStore((store) => {
      store.begin("k", "fp", T0);
      store.complete("k", RESPONSE, T0);
      store.release("k");
      return store.begin("k", "fp", T0 + 1);
    });
    expect(result.state).toBe("replay");
  });

  it("replays for 24 h after completion, then treats the key as new even before any purge", async () => {
    const results = await withStore((store) => {
      store.begin("k", "fp", T0);
      store.complete("k", RESPONSE, T0);
      return [store.begin("k", "fp", T0 + RESPONSE_TTL_MS - 1).state, store.begin("k", "other", T0 + RESPONSE_TTL_MS).state];
    });
    expect(results).toEqual(["replay", "started"]);
  });

  it("lets a key claimed by a request that never settled go once its lease ends", async () => {
    const results = await withStore((store) => {
      store.begin("k", "fp", T0);
      return [store.begin("k", "fp", T0 + IN_FLIGHT_LEASE_MS - 1).state, store.begin("k", "fp", T0 + IN_FLIGHT_LEASE_MS).state];
    });
    expect(results).toEqual(["in_flight", "started"]);
  });

  it("purgeExpired deletes expired records and returns the next expiry", async () => {
    const { next, remaining } = await withStore((store, sql) => {
      store.begin("old", "fp", T0);
      store.complete("old", RESPONSE, T0);
      store.begin("new", "fp", T0 + 1000);
      store.complete("new", RESPONSE, T0 + 1000);
      const next = store.purgeExpired(T0 + RESPONSE_TTL_MS);
      const remaining = sql.exec<{ key: string }>("SELECT key FROM idempotency_record").toArray().map((r) => r.key);
      return { next, remaining };
    });
    expect(remaining).toEqual(["new"]);
    expect(next).toBe(T0 + 1000 + RESPONSE_TTL_MS);
  });

  it("purgeExpired returns undefined once nothing is left", async () => {
    const next = await withStore((store) => {
      store.begin("k", "fp", T0);
      return store.purgeExpired(T0 + IN_FLIGHT_LEASE_MS);
    });
    expect(next).toBeUndefined();
  });
});

describe("TenantGate idempotency over RPC", () => {
  it("arms the purge alarm when a key is claimed, and the alarm keeps live records", async () => {
    const gate = tenantGate(env, `idem-rpc-${randomHex(8)}`);
    expect(await gate.beginIdempotent("k", "fp")).toEqual({ state: "started" });
    await gate.completeIdempotent("k", RESPONSE);
    const alarm = await runInDurableObject(gate, (_gate, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now());
    await runInDurableObject(gate, (instance) => instance.alarm());
    const replay = await gate.beginIdempotent("k", "fp");
    expect(replay.state).toBe("replay");
  });
});
