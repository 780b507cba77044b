/** Tenant isolation: a tenant's reconciliation reads and deletes only its own records, whatever another tenant holds. */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type SignedUp, bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS } from "../../../helpers/connections";
import { call, expectProblem } from "../../../helpers/http";
import { captureQueues, deliver } from "../../../helpers/pipeline";
import { insertLabels } from "../../connectors/supabase/helpers";
import { deletedIds, labelsConnection, reconcile, seedLabels } from "./helpers";

let a: SignedUp;
let b: SignedUp;
beforeAll(async () => {
  [a, b] = [await signUp(), await signUp()];
});
afterEach(() => vi.restoreAllMocks());

describe("id reconciliation tenant isolation", () => {
  it("same object, same ids: each tenant's run checks and deletes only its own live records", async () => {
    const [ofA, ofB] = [await labelsConnection(a), await labelsConnection(b)];
    const prefix = crypto.randomUUID().slice(0, 8);
    const shared = [`${prefix}-1`, `${prefix}-2`];
    await insertLabels(shared);
    const onlyB = `${prefix}-gone`; // live in B's stream, never in the source
    await seedLabels(a.tenantId, ofA.id, shared);
    await seedLabels(b.tenantId, ofB.id, [...shared, onlyB]);

    const queues = captureQueues();
    await reconcile(a, ofA.id);
    await deliver("autonomos-sync", queues.syncJobs());
    expect(queues.rawBatches()).toEqual([]); // B's dead record is not A's to delete

    await reconcile(b, ofB.id);
    await deliver("autonomos-sync", queues.syncJobs().slice(1));
    const batches = queues.rawBatches();
    expect(deletedIds(batches)).toEqual([onlyB]);
    expect(batches.every((batch) => batch.tenant_id === b.tenantId && batch.connection_id === ofB.id)).toBe(true);
  });

  it("a tenant cannot reconcile another tenant's connection", async () => {
    const ofA = await labelsConnection(a);
    const res = await call(`${CONNECTIONS}/${ofA.id}/reconcile`, { method: "POST", headers: bearer(b.accessToken) });
    await expectProblem(res, 404, "not-found");
  });
});
