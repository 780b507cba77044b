import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connectionFilesPrefix } from "../../../../../workers/aam/connections/files";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { SALESFORCE_CONFIG } from "../../../../aam/connectors/salesforce/helpers";
import { call, expectProblem } from "../../../../helpers/http";
import { captureQueues } from "../../../../helpers/pipeline";

const csv = new TextEncoder().encode("id,name\n1,Acme\n");

describe("POST /api/v1/aam/connections/{id}/files: invalid uploads", () => {
  let owner: SignedUp;
  let connectionId: string;
  beforeAll(async () => {
    owner = await signUp();
    connectionId = (await createConnection(owner.accessToken)).id;
  });
  afterEach(() => vi.restoreAllMocks());

  const upload = (query: string, init: { body?: unknown; headers?: Record<string, string> } = {}, id = connectionId) =>
    call(`${CONNECTIONS}/${id}/files?${query}`, {
      body: init.body ?? csv,
      headers: { ...bearer(owner.accessToken), "content-type": "text/csv", ...init.headers },
    });

  it("lists each invalid query field: a missing name and an unknown entity", async () => {
    const problem = await expectProblem(await upload("entity=invoice"), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["query.entity", "query.name"]);
  });

  it.each([
    ["a path", "exports/customers.csv"],
    ["a parent directory", "a..b.csv"],
    ["a hidden name", ".env"],
    ["a backslash", "a\\b.csv"],
    ["an over-long name", `${"a".repeat(201)}`],
  ])("refuses %s as the file name", async (_label, name) => {
    const problem = await expectProblem(await upload(`entity=account&name=${encodeURIComponent(name)}`), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["query.name"]);
  });

  it("refuses (422) a file no mapping reads, before storing or queueing anything, saying how to name or label it", async () => {
    const queues = captureQueues();
    const problem = await expectProblem(await upload("name=export.csv"), 422, "unmappable-file");
    expect(problem.detail).toBe('No mapping reads "export.csv": no mapping for filesource/export.csv: no mapping\'s files match it and no entity was chosen');
    expect(problem.errors).toEqual([
      { path: "query.entity", code: "custom", message: expect.stringMatching(/^Pass entity \(account, opportunity, contact, cost\) to have a mapping drafted from its columns, or name the file .*accounts\*\.csv.*hubspot-deals\*\.tsv.*focus\*\.csv/) },
    ]);
    const listing = await env.FILES.list({ prefix: connectionFilesPrefix(owner.tenantId, connectionId) });
    expect(listing.objects).toEqual([]);
    expect(queues.syncJobs()).toEqual([]);
  });

  it("refuses a connection that is not a FileSource, saying which field is wrong", async () => {
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config: SALESFORCE_CONFIG });
    const problem = await expectProblem(await upload("entity=account&name=a.csv", {}, salesforce.id), 400, "validation-error");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "path.id" })]);
  });

  it("is 404 for a connection that does not exist", async () => {
    await expectProblem(await upload("entity=account&name=a.csv", {}, "con_000000000000000000000000"), 404, "not-found");
  });

  it("refuses a JSON body (415) and a body without Content-Length (411)", async () => {
    await expectProblem(await upload("entity=account&name=a.csv", { headers: { "content-type": "application/json" } }), 415, "unsupported-media-type");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(csv);
        controller.close();
      },
    });
    await expectProblem(await upload("entity=account&name=a.csv", { body: stream }), 411, "length-required");
  });

  it("refuses a declared length over the upload limit before reading the body", async () => {
    const queues = captureQueues();
    const res = await upload("entity=account&name=a.csv", { headers: { "content-length": String(101 * 1024 * 1024) } });
    await expectProblem(res, 413, "payload-too-large");
    expect(queues.syncJobs()).toEqual([]);
  });
});
