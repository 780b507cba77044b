import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../workers/aam/connections/files";
import { getConnection } from "../../../../workers/aam/connections/registry";
import { scheduleDueSyncs } from "../../../../workers/aam/pipeline/cron";
import { schema } from "../../../../workers/platform/db";
import { captureQueues, fileConnection, newTenant } from "../../../helpers/pipeline";

const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("the connector cron job when a connection cannot be synced", () => {
  afterEach(() => vi.restoreAllMocks());

  it("records the error on that connection and still starts the others", async () => {
    captureQueues();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const scope = await newTenant();
    // A Salesforce row whose config no longer fits its connector (stored before validation): discovery fails.
    const broken = await scope.db
      .insert(schema.connections)
      .values({ id: "con_broken", tenantId: scope.tenantId, system: "salesforce", name: "sf", config: {}, scheduleMinutes: 60, nextSyncAt: at(0).toISOString() })
      .returning()
      .get();
    const fine = await fileConnection(scope, {}, at(0));
    await env.FILES.put(`${connectionFilesPrefix(scope.tenantId, fine.id)}a.csv`, "id\n1\n");

    await scheduleDueSyncs(env, at(1));

    const failed = await getConnection(scope, broken.id);
    expect(failed.status).toBe("error");
    expect(failed.lastError).toMatch(/does not fit a Salesforce connection/);
    expect(await scope.select(schema.syncRuns, eq(schema.syncRuns.connectionId, fine.id))).toHaveLength(1);
    // An errored connection is no longer due: the cron does not hammer it every tick.
    await scheduleDueSyncs(env, at(70));
    expect(await scope.select(schema.syncRuns, eq(schema.syncRuns.connectionId, broken.id))).toHaveLength(0);
  });
});
