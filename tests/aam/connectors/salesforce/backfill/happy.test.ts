/**
 * The first sync of a 50,000-record object, through the public API and the real queue consumers: Salesforce serves
 * it in its 2,000-record batches, one batch per sync step, so no step comes near a Worker's subrequest limit (50
 * on the free plan, counted here as the requests the fake org served during the step), every record reaches
 * the canonical stream once, and the DCL materializes each into the accounts view.
 */
import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SyncJob } from "../../../../../workers/aam/pipeline/messages";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { captureQueues, deliver } from "../../../../helpers/pipeline";
import { type FakeOrg, connectedAppKeys, createFakeOrg, fakeUrl } from "../helpers";

const ACCOUNTS = 50_000;
const SUBREQUEST_LIMIT = 50;

let owner: SignedUp;
let queues: ReturnType<typeof captureQueues>;
let org: FakeOrg;
let connectionId: string;

beforeAll(async () => {
  owner = await signUp();
  queues = captureQueues();
  org = await createFakeOrg();
  await org.change({ generate_accounts: { count: ACCOUNTS, from: "2025-06-01T00:00:00Z" } });
  const { privatePem } = await connectedAppKeys();
  const connection = await createConnection(owner.accessToken, {
    system: "salesforce",
    name: "Big org",
    config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Account"] },
    secrets: { private_key: privatePem },
  });
  connectionId = connection.id;
});
afterAll(() => vi.restoreAllMocks());

/**
 * Runs each sync step on its own, counting the requests the org served during it, then normalizes the raw batches
 * it produced into the canonical stream and materializes those events.
 */
async function runSyncSteps(): Promise<number[]> {
  const perStep: number[] = [];
  const delivered = new Set<unknown>();
  for (;;) {
    const jobs = queues.syncJobs().filter((job) => !delivered.has(job));
    if (jobs.length === 0) return perStep;
    for (const job of jobs) {
      delivered.add(job);
      const before = await org.requests();
      expect((await deliver("autonomos-sync", [job satisfies SyncJob])).result.outcome).toBe("ok");
      const after = await org.requests();
      perStep.push(after.rest - before.rest + after.tokens - before.tokens);
      for (const batch of queues.rawBatches().filter((b) => !delivered.has(b))) {
        delivered.add(batch);
        expect((await deliver("autonomos-raw", [batch])).result.outcome).toBe("ok");
      }
      for (const batch of queues.canonicalBatches().filter((b) => !delivered.has(b))) {
        delivered.add(batch);
        expect((await deliver("autonomos-canonical", [batch])).result.explicitAcks).toHaveLength(1);
      }
    }
  }
}

describe("the first sync of a 50,000-Account org", () => {
  it("reads 2,000-record batches, a few subrequests per step, streams every record once and materializes each", async () => {
    const res = await call(`${CONNECTIONS}/${connectionId}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
    expect(res.status, await res.clone().text()).toBe(202);
    const { run_ids } = (await res.json()) as { run_ids: string[] };

    const perStep = await runSyncSteps();
    expect(perStep).toHaveLength(ACCOUNTS / 2000);
    expect(Math.max(...perStep)).toBeLessThan(SUBREQUEST_LIMIT);
    // each step builds its connector afresh: one token, one describe, one query batch
    expect(new Set(perStep)).toEqual(new Set([3]));

    const run = RunSchema.parse(await (await call(`/api/v1/aam/runs/${run_ids[0]}`, { headers: bearer(owner.accessToken) })).json());
    expect(run).toMatchObject({ object: "Account", status: "succeeded", counts: { read: ACCOUNTS, quarantined: 0 } });
    const counted = await env.DB.prepare("SELECT count(*) AS events, count(DISTINCT record_id) AS records FROM canonical_events WHERE connection_id = ?")
      .bind(connectionId)
      .first<{ events: number; records: number }>();
    expect(counted).toEqual({ events: ACCOUNTS, records: ACCOUNTS });
    const view = await env.DB.prepare("SELECT count(*) AS rows, sum(deleted) AS deleted FROM materialized_accounts WHERE tenant_id = ?")
      .bind(owner.tenantId)
      .first<{ rows: number; deleted: number }>();
    expect(view).toEqual({ rows: ACCOUNTS, deleted: 0 });
  }, 150_000);
});
