import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getRun } from "../../../../../workers/aam/pipeline/runs";
import { IngestAcceptedSchema } from "../../../../../workers/gateway/routes/aam/ingest/push";
import { forTenant } from "../../../../../workers/platform/db";
import { type SignedUp, signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { SIGNING_SECRET, pushIngest, pushNdjson, signedHeader } from "../../../../helpers/ingest";
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

describe("POST /api/v1/aam/ingest/{connection_id} with an NDJSON body", () => {
  let owner: SignedUp;
  let connectionId: string;
  beforeAll(async () => {
    owner = await signUp();
    connectionId = (await createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } })).id;
  });
  afterEach(() => vi.restoreAllMocks());

  it("takes one record per line with object and entity from the query, skipping blank lines", async () => {
    const queues = captureQueues();
    const body = '{"id":"a1","name":"Acme"}\r\n\n   \n{"id":7,"name":"Globex"}';
    const res = await pushNdjson(connectionId, body, await signedHeader(body));
    expect(res.status).toBe(202);
    const accepted = IngestAcceptedSchema.parse(await res.json());
    expect(accepted).toMatchObject({ records: 2, rejected: 0 });
    const batches = queues.rawBatches();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ run_id: accepted.run_id, object: "Account", entity: "account", rejects: [] });
    expect(batches[0]?.records.map((r) => [r.record_id, r.line, r.data.name])).toEqual([["a1", 1, "Acme"], ["7", 4, "Globex"]]);
    expect(await getRun(forTenant(db, owner.tenantId), accepted.run_id)).toMatchObject({ kind: "ingest", object: "Account", read: 2, readingDone: true });
  });

  it("quarantines a bad line with its line number and accepts the rest of the delivery", async () => {
    const queues = captureQueues();
    const body = ['{"id":"a1","name":"Acme"}', '{"id":"a2", name: oops}', "[1,2]", '{"name":"no id"}', '{"id":"a3"}'].join("\n");
    const res = await pushNdjson(connectionId, body, await signedHeader(body), "object=Account");
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ records: 2, rejected: 3 });
    const [batch] = queues.rawBatches();
    expect(batch?.entity).toBeUndefined();
    expect(batch?.records.map((r) => r.record_id)).toEqual(["a1", "a3"]);
    expect(batch?.rejects.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([
      [2, "invalid JSON"],
      [3, "line is not a JSON object"],
      [4, 'record has no "id" (a non-empty string or number)'],
    ]);
    expect(batch?.rejects[0]?.raw).toBe('{"id":"a2", name: oops}');
  });
});
