import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { expectProblem } from "../../../../helpers/http";
import { SIGNING_SECRET, pushIngest, signedHeader } from "../../../../helpers/ingest";
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
