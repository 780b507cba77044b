/**
 * A MongoDB connection through the public API and the real queue consumers: created with its connection string
 * as a secret, synced into the unified views with the bundled mappings, and synced again incrementally (each sync
 * step builds a fresh connector: the position lives in the stored cursor, not in memory).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { crmIds } from "../../../../fakes/mongodb/crm";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { mongoUrl, seedCrm, updateDocuments } from "../../../../helpers/mongodb";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";

const database = "sync_happy";
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

async function sync() {
  const res = await call(`${CONNECTIONS}/${connectionId}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_ids } = (await res.json()) as { run_ids: string[] };
  await drainQueues();
  const runs = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`))));
  return runs.map((run) => [run.object, run.status, run.counts.read, run.counts.quarantined]).sort();
}

const view = async (name: string) => ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/${name}?limit=100`)).items;

describe("a MongoDB database, from its collections to the unified views", () => {
  it("syncs every collection into the views on the first sync", async () => {
    expect(await sync()).toEqual([
      ["accounts", "succeeded", 3, 0],
      ["contacts", "succeeded", 2, 0],
      ["opportunities", "succeeded", 3, 0],
    ]);
    const accounts = await view("accounts");
    expect(accounts.map((row) => row.name).sort()).toEqual(["Acme Manufacturing", "Globex", "Initech"]);
    expect(accounts.find((row) => row.name === "Acme Manufacturing")).toMatchObject({
      annual_revenue: 5250000.5,
      currency: "EUR",
      billing_city: "Berlin",
      source_id: crmIds.acme.toHexString(),
    });
    expect((await view("opportunities")).map((row) => [row.name, row.status]).sort()).toEqual([
      ["Acme renewal 2026", "won"],
      ["Globex expansion", "open"],
      ["Initech pilot", "lost"],
    ]);
    expect((await view("contacts")).map((row) => row.email).sort()).toEqual(["ada.lovelace@acme.example", null]);
  });

  it("picks up an updated document on the next sync, from where the last one left off", async () => {
    await updateDocuments(database, "accounts", { _id: crmIds.globex }, { name: "Globex Corporation", updatedAt: new Date("2026-03-10T00:00:00Z") });
    // with no lookback a sync re-reads only the last document of each collection (its position is inclusive)
    expect(await sync()).toEqual([
      ["accounts", "succeeded", 2, 0],
      ["contacts", "succeeded", 1, 0],
      ["opportunities", "succeeded", 1, 0],
    ]);
    const accounts = await view("accounts");
    expect(accounts.map((row) => row.name).sort()).toEqual(["Acme Manufacturing", "Globex Corporation", "Initech"]);
  });
});
