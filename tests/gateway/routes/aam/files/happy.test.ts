import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../../workers/aam/connections/files";
import { getRun } from "../../../../../workers/aam/pipeline/runs";
import { UploadAcceptedSchema } from "../../../../../workers/gateway/routes/aam/connections/files";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { forTenant } from "../../../../../workers/platform/db";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { captureQueues, db, deliver } from "../../../../helpers/pipeline";

const encoder = new TextEncoder();

describe("POST /api/v1/aam/connections/{id}/files", () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUp();
  });
  afterEach(() => vi.restoreAllMocks());

  function upload(connectionId: string, query: string, body: Uint8Array | ReadableStream, contentType = "text/csv") {
    return call(`${CONNECTIONS}/${connectionId}/files?${query}`, {
      body,
      headers: { ...bearer(owner.accessToken), "content-type": contentType },
    });
  }

  it("stores the file under the connection's prefix, queues an upload run and its first job with the entity", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken);
    const csv = "id,name\n1,Acme\n2,Globex\n";
    const res = await upload(connection.id, "entity=account&name=accounts-customers.csv", encoder.encode(csv));
    expect(res.status).toBe(202);
    const accepted = UploadAcceptedSchema.parse(await res.json());
    expect(accepted).toMatchObject({ connection_id: connection.id, object: "accounts-customers.csv", status: "queued" });

    const stored = await env.FILES.get(`${connectionFilesPrefix(owner.tenantId, connection.id)}accounts-customers.csv`);
    expect(await stored?.text()).toBe(csv);
    expect(stored?.customMetadata).toEqual({ entity: "account" });
    const scope = forTenant(db, owner.tenantId);
    expect(await getRun(scope, accepted.run_id)).toMatchObject({ kind: "upload", object: "accounts-customers.csv", status: "queued" });
    const [job] = queues.syncJobs();
    expect(job).toMatchObject({
      tenant_id: owner.tenantId,
      connection_id: connection.id,
      run_id: accepted.run_id,
      object: "accounts-customers.csv",
      cursor: null,
      entity: "account",
      trace_id: res.headers.get("x-trace-id"),
    });

    // The job reads the uploaded rows into a raw batch for the account mapping.
    await deliver("autonomos-sync", [job]);
    expect(queues.rawBatches().map((b) => [b.entity, b.records.map((r) => r.data.name)])).toEqual([["account", ["Acme", "Globex"]]]);
  });

  it("replaces a file uploaded again under the same name, and reads the new version from the start", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken);
    await upload(connection.id, "entity=contact&name=contacts-people.csv", encoder.encode("id,email\n1,a@example.com\n"));
    const res = await upload(connection.id, "entity=contact&name=contacts-people.csv", encoder.encode("id,email\n1,a@example.com\n2,b@example.com\n"));
    expect(res.status).toBe(202);
    const stored = await env.FILES.get(`${connectionFilesPrefix(owner.tenantId, connection.id)}contacts-people.csv`);
    expect(await stored?.text()).toBe("id,email\n1,a@example.com\n2,b@example.com\n");
    const jobs = queues.syncJobs();
    expect(jobs.map((j) => j.cursor)).toEqual([null, null]);
    expect(new Set(jobs.map((j) => j.run_id)).size).toBe(2);
  });

  it("streams a body far larger than the JSON body limit into R2", async () => {
    captureQueues();
    const connection = await createConnection(owner.accessToken);
    const row = "42,Some company with a fairly long name,Berlin\n";
    const rows = 60_000; // ~2.8 MB, well over MAX_BODY_BYTES (1 MiB)
    const size = encoder.encode("id,name,city\n").length + rows * encoder.encode(row).length;
    expect(size).toBeGreaterThan(Number(env.MAX_BODY_BYTES) * 2);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("id,name,city\n"));
      },
      pull(controller) {
        if (sent === rows) return controller.close();
        controller.enqueue(encoder.encode(row.repeat(1000)));
        sent += 1000;
      },
    });
    const res = await call(`${CONNECTIONS}/${connection.id}/files?entity=account&name=accounts-big.csv`, {
      body,
      headers: { ...bearer(owner.accessToken), "content-type": "text/csv", "content-length": String(size) },
    });
    expect(res.status).toBe(202);
    const head = await env.FILES.head(`${connectionFilesPrefix(owner.tenantId, connection.id)}accounts-big.csv`);
    expect(head?.size).toBe(size);
  });

  it("needs no entity when the file name matches a mapping's files: the mapping is found by name when normalizing", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken);
    const csv = "Record ID,Company name\n1,Acme\n";
    const res = await upload(connection.id, "name=HubSpot-Companies-2025-06.csv", encoder.encode(csv));
    expect(res.status).toBe(202);
    const stored = await env.FILES.head(`${connectionFilesPrefix(owner.tenantId, connection.id)}HubSpot-Companies-2025-06.csv`);
    expect(stored?.customMetadata).toEqual({});
    const [job] = queues.syncJobs();
    expect(job?.entity).toBeUndefined();

    await deliver("autonomos-sync", [job]);
    const [batch] = queues.rawBatches();
    expect(batch).toMatchObject({ object: "HubSpot-Companies-2025-06.csv", records: [expect.objectContaining({ data: { "Record ID": "1", "Company name": "Acme" } })] });
    expect(batch?.entity).toBeUndefined();
    await deliver("autonomos-raw", [batch]);
    const events = await call(`/api/v1/aam/events?connection_id=${connection.id}`, { headers: bearer(owner.accessToken) });
    const [event] = EventPageSchema.parse(await events.json()).items;
    expect(event).toMatchObject({ entity: "account", meta: { mapping_version: expect.stringMatching(/^filesource\/hubspot-companies@1#/) }, data: { name: "Acme" } });
  });

  it("accepts NDJSON", async () => {
    captureQueues();
    const connection = await createConnection(owner.accessToken);
    const res = await upload(connection.id, "entity=account&name=accounts.ndjson", encoder.encode('{"id":1}\n'), "application/x-ndjson");
    expect(res.status).toBe(202);
  });

  it("replays an upload repeated with the same Idempotency-Key instead of storing and queueing it twice", async () => {
    const queues = captureQueues();
    const connection = await createConnection(owner.accessToken);
    const send = () =>
      call(`${CONNECTIONS}/${connection.id}/files?entity=account&name=accounts-once.csv`, {
        body: encoder.encode("id\n1\n"),
        headers: { ...bearer(owner.accessToken), "content-type": "text/csv", "idempotency-key": "upload-once-1" },
      });
    const first = await send();
    const again = await send();
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    expect(queues.syncJobs()).toHaveLength(1);
  });
});
