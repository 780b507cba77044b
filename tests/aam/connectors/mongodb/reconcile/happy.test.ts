/**
 * Deletes from a MongoDB database end to end, over the wire protocol to the stand-in and through the real queue
 * consumers: a document deleted behind the API becomes, after POST …/reconcile, a tombstone in the accounts view.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { crmIds } from "../../../../fakes/mongodb/crm";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { deleteDocuments, mongoUrl, seedCrm } from "../../../../helpers/mongodb";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";

const database = "reconcile_e2e";
let owner: SignedUp;
let drainQueues: () => Promise<void>;
let connectionId: string;

beforeAll(async () => {
  await seedCrm(database);
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
  const connection = await createConnection(owner.accessToken, {
    system: "mongodb",
    name: "CRM on MongoDB",
    config: { database, lookback_seconds: 0 },
    secrets: { connection_string: mongoUrl },
  });
  connectionId = connection.id;
});
afterAll(() => vi.restoreAllMocks());

const getJson = async (path: string) => {
  const res = await call(path, { headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

/** POSTs …/sync or …/reconcile, drives every queue until quiet, and returns the runs' [object, status, read]. */
async function run(action: "sync" | "reconcile") {
  const res = await call(`${CONNECTIONS}/${connectionId}/${action}`, { method: "POST", headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_ids } = (await res.json()) as { run_ids: string[] };
  await drainQueues();
  const runs = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`))));
  return runs.map((r) => [r.object, r.status, r.counts.read]).sort();
}

const accounts = async (includeDeleted = false) =>
  ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/accounts?limit=100&include_deleted=${includeDeleted}`)).items;

describe("a document deleted in a MongoDB collection", () => {
  it("is a tombstone after reconciliation: left out of the accounts view, there with include_deleted", async () => {
    expect((await run("sync")).map(([object, status]) => [object, status])).toEqual([
      ["accounts", "succeeded"],
      ["contacts", "succeeded"],
      ["opportunities", "succeeded"],
    ]);
    expect((await accounts()).map((row) => row.name).sort()).toEqual(["Acme Manufacturing", "Globex", "Initech"]);

    await deleteDocuments(database, "accounts", { _id: crmIds.globex });
    // every collection is checked; only accounts lost a document
    expect(await run("reconcile")).toEqual([
      ["accounts", "succeeded", 1],
      ["contacts", "succeeded", 0],
      ["opportunities", "succeeded", 0],
    ]);
    expect((await accounts()).map((row) => row.name).sort()).toEqual(["Acme Manufacturing", "Initech"]);
    const globex = (await accounts(true)).find((row) => row.source_id === crmIds.globex.toHexString());
    expect(globex).toMatchObject({ deleted: true });
  });
});
