import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type SignedUp, signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { expectProblem } from "../../../../helpers/http";
import { SIGNING_SECRET, pushIngest, pushNdjson, signedHeader } from "../../../../helpers/ingest";
import { captureQueues } from "../../../../helpers/pipeline";

const body = JSON.stringify({ object: "Account", records: [{ id: "a1", name: "Acme" }] });

describe("POST /api/v1/aam/ingest/{connection_id}: signature checks", () => {
  let owner: SignedUp;
  let connectionId: string;
  beforeAll(async () => {
    owner = await signUp();
    connectionId = (await createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } })).id;
  });
  afterEach(() => vi.restoreAllMocks());

  it("refuses a missing or malformed signature header", async () => {
    const queues = captureQueues();
    await expectProblem(await pushIngest(connectionId, body, undefined), 401, "invalid-credentials");
    await expectProblem(await pushIngest(connectionId, body, "v1=abc"), 401, "invalid-credentials");
    expect(queues.rawBatches()).toEqual([]);
  });

  it("refuses a signature made with another secret, or over another body", async () => {
    const queues = captureQueues();
    await expectProblem(await pushIngest(connectionId, body, await signedHeader(body, "wrong-secret")), 401, "invalid-credentials");
    const tampered = body.replace("Acme", "Evil");
    await expectProblem(await pushIngest(connectionId, tampered, await signedHeader(body)), 401, "invalid-credentials");
    expect(queues.rawBatches()).toEqual([]);
  });

  it.each([
    ["six minutes old", -6],
    ["six minutes ahead", 6],
  ])("refuses a timestamp %s", async (_label, minutes) => {
    const at = new Date(Date.now() + minutes * 60_000);
    const problem = await expectProblem(await pushIngest(connectionId, body, await signedHeader(body, SIGNING_SECRET, at)), 401, "invalid-credentials");
    expect(problem.detail).toMatch(/timestamp/);
  });

  it("accepts a signature once: the same delivery replayed is refused", async () => {
    const queues = captureQueues();
    const signature = await signedHeader(body);
    expect((await pushIngest(connectionId, body, signature)).status).toBe(202);
    const problem = await expectProblem(await pushIngest(connectionId, body, signature), 401, "invalid-credentials");
    expect(problem.detail).toMatch(/already used/);
    expect(queues.rawBatches()).toHaveLength(1);
  });

  it("answers an unknown connection exactly like a bad signature, so ids cannot be probed", async () => {
    const unknown = await expectProblem(await pushIngest("con_000000000000000000000000", body, await signedHeader(body)), 401, "invalid-credentials");
    const wrong = await expectProblem(await pushIngest(connectionId, body, await signedHeader(body, "wrong-secret")), 401, "invalid-credentials");
    expect(unknown.detail).toBe(wrong.detail);
  });

  it("refuses every delivery to a connection that has no signing secret", async () => {
    const unsigned = await createConnection(owner.accessToken, { secrets: { api_token: "x" } });
    await expectProblem(await pushIngest(unsigned.id, body, await signedHeader(body)), 401, "invalid-credentials");
  });
});

describe("POST /api/v1/aam/ingest/{connection_id}: NDJSON signatures and media types", () => {
  afterEach(() => vi.restoreAllMocks());

  it("signs the raw bytes: a changed line, or the same lines with other line breaks, does not verify", async () => {
    const queues = captureQueues();
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } });
    const body = '{"id":"a1","name":"Acme"}\n{"id":"a2","name":"Globex"}\n';
    const signature = await signedHeader(body);
    await expectProblem(await pushNdjson(connection.id, body.replace("Globex", "Evil"), signature), 401, "invalid-credentials");
    await expectProblem(await pushNdjson(connection.id, body.replaceAll("\n", "\r\n"), signature), 401, "invalid-credentials");
    await expectProblem(await pushNdjson(connection.id, body, undefined), 401, "invalid-credentials");
    expect(queues.rawBatches()).toEqual([]);
    expect((await pushNdjson(connection.id, body, signature)).status).toBe(202);
  });

  it("takes only JSON and NDJSON bodies (415 before the signature is even looked at)", async () => {
    const queues = captureQueues();
    const res = await pushIngest("con_000000000000000000000000", "id,name\n1,Acme\n", undefined, { contentType: "text/csv" });
    await expectProblem(res, 415, "unsupported-media-type");
    expect(queues.rawBatches()).toEqual([]);
  });
});
