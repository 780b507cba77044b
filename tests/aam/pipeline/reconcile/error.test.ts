/** Reconciliation never turns a source's failure to answer into deletes: the job fails and is retried. */
import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { database, forTenant } from "../../../../workers/platform/db";
import { getConnection, updateConnection } from "../../../../workers/aam/connections/registry";
import { MASS_DELETE_MIN_PAGE } from "../../../../workers/aam/pipeline/mass-delete-guard";
import { getRun } from "../../../../workers/aam/pipeline/runs";
import { type SignedUp, bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call, expectProblem } from "../../../helpers/http";
import { captureQueues, deliver } from "../../../helpers/pipeline";
import { insertLabels } from "../../connectors/supabase/helpers";
import { labelsConnection, reconcile, seedLabels } from "./helpers";

let owner: SignedUp;
beforeAll(async () => {
  owner = await signUp();
});
afterEach(() => vi.restoreAllMocks());

describe("id reconciliation errors", () => {
  it("a source that cannot answer sends no delete; the job is retried", async () => {
    const connection = await labelsConnection(owner);
    const ids = [`${connection.id}-a`, `${connection.id}-b`];
    await insertLabels(ids);
    await seedLabels(owner.tenantId, connection.id, ids);
    const queues = captureQueues();
    await reconcile(owner, connection.id);
    // the project becomes unreachable between the start and the job
    await updateConnection(forTenant(database(env.DB), owner.tenantId), env, connection.id, { config: { url: "http://127.0.0.1:9", tables: ["labels"] } });
    const { result, retriedWith } = await deliver("autonomos-sync", queues.syncJobs());
    expect(result.explicitAcks).toEqual([]);
    expect(retriedWith).toHaveLength(1);
    expect(queues.rawBatches()).toEqual([]);
  });

  it(`holds back a page of ${MASS_DELETE_MIN_PAGE}+ live records more than half of which are missing: no delete, the run fails saying how to proceed`, async () => {
    const connection = await labelsConnection(owner);
    const ids = Array.from({ length: MASS_DELETE_MIN_PAGE }, (_, i) => `${connection.id}-${String(i).padStart(3, "0")}`);
    await seedLabels(owner.tenantId, connection.id, ids);
    await insertLabels(ids.slice(0, MASS_DELETE_MIN_PAGE / 2 - 1)); // 51 of 100 missing: one past half
    const queues = captureQueues();
    const [runId] = await reconcile(owner, connection.id);
    const { result, retriedWith } = await deliver("autonomos-sync", queues.syncJobs());
    // no retry can change the answer: the job is settled, the run failed
    expect(result.explicitAcks).toHaveLength(1);
    expect(retriedWith).toEqual([]);
    expect(queues.rawBatches()).toEqual([]);
    const scope = forTenant(database(env.DB), owner.tenantId);
    const run = await getRun(scope, runId!);
    expect(run).toMatchObject({ status: "failed", read: 0 });
    expect(run?.error).toContain("51 of 100 live records checked are no longer in the source");
    const stored = await getConnection(scope, connection.id);
    expect(stored.status).toBe("error");
    expect(stored.lastError).toMatch(/^labels: 51 of 100 live records .* row-level security .*reconcile and the body \{"force": true\}\.$/);
    expect(stored.lastError).toContain(`/api/v1/aam/connections/${connection.id}/reconcile`);
  });

  it("rejects a body that is not the documented options", async () => {
    const connection = await labelsConnection(owner);
    const res = await call(`${CONNECTIONS}/${connection.id}/reconcile`, { method: "POST", headers: bearer(owner.accessToken), body: { force: "yes" } });
    await expectProblem(res, 400, "validation-error");
  });

  it("a connection whose source reports deletes itself is a 501", async () => {
    const files = await createConnection(owner.accessToken);
    const res = await call(`${CONNECTIONS}/${files.id}/reconcile`, { method: "POST", headers: bearer(owner.accessToken) });
    await expectProblem(res, 501, "not-implemented");
  });

  it("an unknown connection is a 404", async () => {
    const res = await call(`${CONNECTIONS}/con_missing/reconcile`, { method: "POST", headers: bearer(owner.accessToken) });
    await expectProblem(res, 404, "not-found");
  });
});
