import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { MAX_INGEST_RECORDS } from "../../../../../workers/aam/pipeline/ingest";
import { SIGNING_SECRET, pushIngest, pushNdjson, signedHeader } from "../../../../helpers/ingest";
import { captureQueues } from "../../../../helpers/pipeline";

describe("POST /api/v1/aam/ingest/{connection_id}: invalid deliveries", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists each invalid body field once the signature checks out, and enqueues nothing", async () => {
    const queues = captureQueues();
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } });
    const body = JSON.stringify({ entity: "invoice", records: [] });
    const problem = await expectProblem(await pushIngest(connection.id, body, await signedHeader(body)), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["body.entity", "body.object", "body.records"]);
    expect(queues.rawBatches()).toEqual([]);
  });
});

describe("POST /api/v1/aam/ingest/{connection_id}: invalid NDJSON deliveries", () => {
  afterEach(() => vi.restoreAllMocks());

  async function signedConnection() {
    const owner = await signUp();
    return createConnection(owner.accessToken, { secrets: { ingest_signing_secret: SIGNING_SECRET } });
  }

  it("needs the object in the query, and a known entity", async () => {
    const queues = captureQueues();
    const connection = await signedConnection();
    const body = '{"id":"a1"}\n';
    let problem = await expectProblem(await pushNdjson(connection.id, body, await signedHeader(body), "entity=account"), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["query.object"]);
    problem = await expectProblem(await pushNdjson(connection.id, body, await signedHeader(body), "object=A&entity=invoice"), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["query.entity"]);
    expect(queues.rawBatches()).toEqual([]);
  });

  it("refuses a delivery of only blank lines, and one over the record limit (counting bad lines too)", async () => {
    const queues = captureQueues();
    const connection = await signedConnection();
    const blank = "\n \r\n\n";
    let problem = await expectProblem(await pushNdjson(connection.id, blank, await signedHeader(blank)), 400, "validation-error");
    expect(problem.errors).toEqual([{ path: "body", code: "too_small", message: "Send at least one record" }]);
    const tooMany = `${'{"id":1}\n'.repeat(MAX_INGEST_RECORDS)}not json\n`;
    problem = await expectProblem(await pushNdjson(connection.id, tooMany, await signedHeader(tooMany)), 400, "validation-error");
    expect(problem.errors).toEqual([{ path: "body", code: "too_big", message: `Send at most ${MAX_INGEST_RECORDS} records per delivery` }]);
    expect(queues.rawBatches()).toEqual([]);
  });

  it("refuses object and entity in the query of a JSON delivery instead of ignoring them", async () => {
    const connection = await signedConnection();
    const body = JSON.stringify({ object: "Account", records: [{ id: "a1" }] });
    const res = await pushIngest(connection.id, body, await signedHeader(body), { query: "object=Contact&entity=contact" });
    const problem = await expectProblem(res, 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["query.object", "query.entity"]);
  });

  it("refuses a signed delivery without a body", async () => {
    const connection = await signedConnection();
    const res = await call(`/api/v1/aam/ingest/${connection.id}`, { method: "POST", headers: { "x-autonomos-signature": await signedHeader("") } });
    const problem = await expectProblem(res, 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["body"]);
  });
});
