import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { getConnection } from "../../../../workers/aam/connections/registry";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { sourceProblem } from "../../../../workers/aam/connectors/source-state";
import { scheduleDueSyncs } from "../../../../workers/aam/pipeline/cron";
import { SYNC_MAX_RETRIES } from "../../../../workers/aam/pipeline/sync-consumer";
import { MAX_DEFERRAL_HOURS } from "../../../../workers/aam/pipeline/sync-deferral";
import { schema } from "../../../../workers/platform/db";
import { signUp } from "../../../helpers/auth";
import { captureQueues, deliver, fileConnection, newTenant } from "../../../helpers/pipeline";
import { connectionAs, fileConnectionWithData, sourceFails } from "./helpers";

const owner = await signUp();

afterEach(() => vi.restoreAllMocks());

function quiet() {
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
}

describe("a connection's source state when a sync fails at the source", () => {
  it.each([
    ["bad-credentials", 1],
    ["missing-permission", 1],
    ["schema-drift", 1],
    // retried first: the connection hears of it when the sync gives up, on the last delivery
    ["unreachable", SYNC_MAX_RETRIES + 1],
  ] as const)("is %s once the sync gives up, the connection in error with the source's words", async (state, attempts) => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    quiet();
    sourceFails(state, `detail of ${state}`);
    const before = Date.now();
    await syncOnce(attempts);
    const failed = await connectionAs(owner.accessToken, connection.id);
    expect(failed).toMatchObject({ status: "error", source_state: state, last_error: expect.stringContaining(`detail of ${state}`) });
    expect(Date.parse(failed.source_state_at!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("is quota-reached while the sync waits for the source's quota, the connection still active", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    quiet();
    sourceFails("quota-reached", "14000 of 15000 daily API calls used");
    await syncOnce();
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({
      status: "active",
      source_state: "quota-reached",
      last_error: expect.stringMatching(/resumes at/),
    });
  });

  it("stays quota-reached when the sync gives up waiting for the quota, the connection in error", async () => {
    const { connection, sync } = await fileConnectionWithData(owner.accessToken);
    quiet();
    const job = await sync();
    const longAgo = new Date(Date.now() - (MAX_DEFERRAL_HOURS + 1) * 3_600_000).toISOString();
    sourceFails("quota-reached", "used up");
    await deliver("autonomos-sync", [{ ...job, deferred_since: longAgo }]);
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({
      status: "error",
      source_state: "quota-reached",
      last_error: expect.stringContaining(`still after ${MAX_DEFERRAL_HOURS} hours`),
    });
  });

  it("is not changed while a passing failure is still being retried", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    await syncOnce();
    quiet();
    sourceFails("unreachable");
    const { result } = await syncOnce(2);
    expect(result.retryMessages).toHaveLength(1);
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({ status: "active", source_state: "ok", last_error: null });
  });
});

describe("a connection's source state when a sync fails for another reason than the source", () => {
  it("keeps the state the source was last seen in when the platform's storage fails", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    sourceFails("missing-permission");
    quiet();
    await syncOnce();
    vi.spyOn(FileSource.prototype, "read").mockRejectedValueOnce(new Error("R2 unavailable"));
    await syncOnce(SYNC_MAX_RETRIES + 1);
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({
      status: "error",
      source_state: "missing-permission",
      last_error: "a.csv: R2 unavailable",
    });
  });

  it("stays null for a connection whose source was never reached", async () => {
    const { connection, syncOnce } = await fileConnectionWithData(owner.accessToken);
    quiet();
    vi.spyOn(FileSource.prototype, "read").mockRejectedValueOnce(new Error("R2 unavailable"));
    await syncOnce(SYNC_MAX_RETRIES + 1);
    expect(await connectionAs(owner.accessToken, connection.id)).toMatchObject({ status: "error", source_state: null, source_state_at: null });
  });
});

describe("a connection's source state when its scheduled sync cannot start", () => {
  const T0 = new Date("2026-11-26T10:00:00.000Z");

  it("is the source's failure when discovery fails at the source, and unchanged when it fails otherwise", async () => {
    captureQueues();
    quiet();
    const scope = await newTenant();
    const refused = await fileConnection(scope, {}, T0);
    const broken = await scope.db
      .insert(schema.connections)
      .values({ id: "con_broken", tenantId: scope.tenantId, system: "salesforce", name: "sf", config: {}, scheduleMinutes: 60, nextSyncAt: T0.toISOString() })
      .returning()
      .get();
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, refused.id)}a.csv`, "id\n1\n");
    vi.spyOn(FileSource.prototype, "discover").mockRejectedValueOnce(sourceProblem("bad-credentials", "key revoked"));

    const tick = new Date(T0.getTime() + 60_000);
    await scheduleDueSyncs(env, tick);

    expect(await getConnection(scope, refused.id)).toMatchObject({ status: "error", sourceState: "bad-credentials", sourceStateAt: tick.toISOString() });
    expect(await getConnection(scope, broken.id)).toMatchObject({ status: "error", sourceState: null, lastError: expect.any(String) });
  });
});
