import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getRun } from "../../../../../workers/aam/pipeline/runs";
import { IngestAcceptedSchema } from "../../../../../workers/gateway/routes/aam/ingest/push";
import { forTenant } from "../../../../../workers/platform/db";
import { type SignedUp, signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { SIGNING_SECRET, pushIngest, signedHeader } from "../../../../helpers/ingest";
import { captureQueues, db } from "../../../../helpers/pipeline";

describe("POST /api/v1/aam/ingest/{connection_id}", () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp();
  });
  afterEach(() => vi.restoreAllMocks());

  it("accepts a signed delivery without a bearer token and enqueues its records as one raw batch of an ingest run", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } });
    const body = JSON.stringify({ object: "Account", entity: "account", records: [{ id: "a1", name: "Acme" }, { id: 7, name: "Globex" }] });
    const res = await pushIngest(connection.id, body, await signedHeader(body));
    expect(res.status).toBe(202);
    const accepted = IngestAcceptedSchema.parse(await res.json());
    expect(accepted).toMatchObject({ records: 2, rejected: 0 });

    const [batch] = queues.rawBatches();
    expect(queues.rawBatches()).toHaveLength(1);
    expect(batch).toMatchObject({
      tenant_id: owner.tenantId,
      connection_id: connection.id,
      run_id: accepted.run_id,
      system: "filesource",
      object: "Account",
      entity: "account",
      trace_id: res.headers.get("x-trace-id"),
    });
    expect(batch?.records.map((r) => [r.record_id, r.data.name])).toEqual([["a1", "Acme"], ["7", "Globex"]]);
    expect(await getRun(forTenant(db, owner.tenantId), accepted.run_id)).toMatchObject({
      kind: "ingest",
      read: 2,
      batchesEnqueued: 1,
      readingDone: true,
    });
  });

  it("takes record ids from the connection's id_column, and quarantines records without one instead of failing the delivery", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken, {
      config: { id_column: "AccountId" },
      secrets: { ingest_signing_secret: SIGNING_SECRET },
    });
    const body = JSON.stringify({ object: "Account", records: [{ AccountId: "001", name: "Acme" }, { id: "x", name: "No id" }] });
    const res = await pushIngest(connection.id, body, await signedHeader(body));
    expect(await res.json()).toMatchObject({ records: 1, rejected: 1 });
    const [batch] = queues.rawBatches();
    expect(batch?.records.map((r) => r.record_id)).toEqual(["001"]);
    expect(batch?.rejects).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('"AccountId"') })]);
  });
});
