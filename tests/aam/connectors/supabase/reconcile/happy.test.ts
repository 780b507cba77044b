/**
 * Deletes from a Supabase project end to end, through the real PostgREST and the real queue consumers: a row
 * deleted in PostgreSQL behind the API becomes, after POST …/reconcile, a tombstone in the accounts view; the row
 * re-created comes back, and deleted again is a tombstone again (each deletion its own event, not a duplicate).
 *
 * The connection's key is a signed-in user's whose row-level security policy shows it only the `labels` rows named
 * after it, so the test sees its own rows whatever other files add to or delete from the shared table.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { putMapping } from "../../../../helpers/mappings";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";
import { onDatabase, project, signKey, sql } from "../helpers";

const user = `reconcile-${crypto.randomUUID().slice(0, 8)}`;
const gone = `${user}-gone`;
const kept = `${user}-kept`;
const labelsAsAccounts = ["system: supabase", "object: labels", "entity: account", "version: 1", "record_id: id", "fields:", "  name: { from: name, transforms: [trim] }", "  updated_at: { from: updated_at, transforms: [datetime] }", ""].join("\n");

let owner: SignedUp;
let connectionId: string;
let drainQueues: () => Promise<void>;

beforeAll(async () => {
  // one policy for every such user: the rows whose id starts with the key's `sub`
  await onDatabase(sql`do $$ begin
    create policy "users read the labels named after them" on labels for select to authenticated
      using (id like (current_setting('request.jwt.claims', true)::json ->> 'sub') || '-%');
  exception when duplicate_object then null; end $$`);
  await onDatabase(sql`insert into labels (id, name) values (${gone}, 'Northwind Traders'), (${kept}, 'Zebra Quantum Labs')`);
  owner = await signUp();
  const mapped = await putMapping(owner.accessToken, "supabase/labels", { source: labelsAsAccounts });
  expect(mapped.status, await mapped.clone().text()).toBe(201);
  const connection = await createConnection(owner.accessToken, {
    system: "supabase",
    name: "labels",
    config: { url: project.url, tables: ["labels"] },
    secrets: { api_key: await signKey({ role: "authenticated", sub: user }) },
  });
  connectionId = connection.id;
  drainQueues = queueDrainer(captureQueues());
});
afterAll(() => vi.restoreAllMocks());

const getJson = async (path: string) => {
  const res = await call(path, { headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

/** POSTs …/sync or …/reconcile, drives every queue until quiet, and returns the runs' [object, kind, status, read]. */
async function run(action: "sync" | "reconcile") {
  const res = await call(`${CONNECTIONS}/${connectionId}/${action}`, { method: "POST", headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_ids } = (await res.json()) as { run_ids: string[] };
  await drainQueues();
  const runs = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`))));
  return runs.map((r) => [r.object, r.kind, r.status, r.counts.read]);
}

/** The accounts view by source id: its names, live only or tombstones included. */
async function accounts(includeDeleted = false) {
  const { items } = ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/accounts?limit=100&include_deleted=${includeDeleted}`));
  return Object.fromEntries(items.map((row) => [String(row.source_id), { name: row.name, deleted: row.deleted }]));
}

async function deleteEvents() {
  const page = EventPageSchema.parse(await getJson(`/api/v1/aam/events?connection_id=${connectionId}&limit=200`));
  return page.items.filter((event) => event.meta.op === "delete");
}

describe("a row deleted in a Supabase project", () => {
  it("syncs both rows into the accounts view", async () => {
    expect(await run("sync")).toEqual([["labels", "manual", "succeeded", 2]]);
    expect(await accounts()).toEqual({ [gone]: { name: "Northwind Traders", deleted: false }, [kept]: { name: "Zebra Quantum Labs", deleted: false } });
  });

  it("is a tombstone after reconciliation: left out of the view, there with include_deleted", async () => {
    await onDatabase(sql`delete from labels where id = ${gone}`);
    expect(await run("reconcile")).toEqual([["labels", "reconcile", "succeeded", 1]]);
    expect(await accounts()).toEqual({ [kept]: { name: "Zebra Quantum Labs", deleted: false } });
    expect((await accounts(true))[gone]).toMatchObject({ deleted: true });
    expect(await deleteEvents()).toEqual([expect.objectContaining({ source: expect.objectContaining({ record_id: gone, cursor: expect.stringMatching(/^reconcile:evt_/) }) })]);
  });

  it("comes back when re-created, and is a tombstone again when deleted again", async () => {
    await onDatabase(sql`insert into labels (id, name) values (${gone}, 'Northwind Traders')`);
    expect(await run("sync")).toEqual([["labels", "manual", "succeeded", 1]]);
    expect((await accounts())[gone]).toEqual({ name: "Northwind Traders", deleted: false });

    await onDatabase(sql`delete from labels where id = ${gone}`);
    expect(await run("reconcile")).toEqual([["labels", "reconcile", "succeeded", 1]]);
    expect(await accounts()).toEqual({ [kept]: { name: "Zebra Quantum Labs", deleted: false } });
    expect((await accounts(true))[gone]).toMatchObject({ deleted: true });
    // two deletions, two events: the second is no duplicate of the first
    const deletes = await deleteEvents();
    expect(deletes).toHaveLength(2);
    expect(new Set(deletes.map((event) => event.meta.event_id)).size).toBe(2);
  });

  it("a further reconciliation finds nothing left to delete", async () => {
    expect(await run("reconcile")).toEqual([["labels", "reconcile", "succeeded", 0]]);
    expect(await deleteEvents()).toHaveLength(2);
  });
});
