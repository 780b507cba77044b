/**
 * Supabase connections through the public API and the real queue consumers: created with a key as a secret,
 * synced into the canonical stream and the DCL views with the bundled mappings, and synced again from where they
 * left off. Every sync step builds its connector afresh from the stored connection and the run's stored cursor,
 * so "again" is a restart as far as the connector can tell.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";
import { onDatabase, project, sql } from "../helpers";

let owner: SignedUp;
let drainQueues: () => Promise<void>;

beforeAll(async () => {
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
});
afterAll(() => vi.restoreAllMocks());

const getJson = async (path: string) => {
  const res = await call(path, { headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

async function sync(connectionId: string) {
  const res = await call(`${CONNECTIONS}/${connectionId}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_ids } = (await res.json()) as { run_ids: string[] };
  await drainQueues();
  const runs = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`))));
  return runs.map((run) => [run.object, run.status, run.counts.read, run.counts.emitted, run.counts.quarantined]).sort();
}

async function streamEvents(connectionId: string) {
  const events = [];
  let after: number | null = null;
  do {
    const from: string = after === null ? "" : `&after=${after}`;
    const page = EventPageSchema.parse(await getJson(`/api/v1/aam/events?connection_id=${connectionId}&limit=200${from}`));
    events.push(...page.items);
    after = page.next_cursor;
  } while (after !== null);
  return events;
}

/** A view's rows that came from `connectionId`, by source record id. */
async function viewRows(view: string, connectionId: string) {
  const { items } = ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/${view}?limit=500`));
  const fromConnection = items.filter((row) => (row.sources as { connection_id: string }[]).some((s) => s.connection_id === connectionId));
  return new Map(fromConnection.map((row) => [String(row.source_id), row]));
}

describe("a Supabase project (sb_secret_ key), from its tables to the canonical stream", () => {
  let connectionId: string;
  beforeAll(async () => {
    const connection = await createConnection(owner.accessToken, {
      system: "supabase",
      name: "CRM",
      // deals are left out: another test file changes one while this one runs
      config: { url: project.url, tables: ["companies", "people"], page_size: 40 },
      secrets: { api_key: project.secret_key },
    });
    connectionId = connection.id;
  });

  it("maps every row of each table into one event on the first sync", async () => {
    expect(await sync(connectionId)).toEqual([
      ["companies", "succeeded", 120, 120, 0],
      ["people", "succeeded", 30, 30, 0],
    ]);
    const events = await streamEvents(connectionId);
    expect(events.filter((e) => e.entity === "account")).toHaveLength(120);
    expect(events.filter((e) => e.entity === "contact")).toHaveLength(30);
    const account = events.find((e) => e.entity === "account" && e.data.name === "Company 007");
    expect(account?.data).toMatchObject({ employee_count: 70, annual_revenue: 7003.5, website: "company7.example", currency: "USD" });
    expect(account?.meta.mapping_version).toMatch(/^supabase\/companies@1#/);
  });

  it("reads nothing new on the next sync: each table resumes after its last row", async () => {
    expect(await sync(connectionId)).toEqual([
      ["companies", "succeeded", 0, 0, 0],
      ["people", "succeeded", 0, 0, 0],
    ]);
  });
});

describe("a Supabase project (legacy service_role key) into the DCL views, then incrementally", () => {
  const ZERO = "00000000-0000-4000-8000-000000000001";
  const TWIN_A = "00000000-0000-4000-8000-000000000002";
  const TWIN_B = "00000000-0000-4000-8000-000000000003";
  const BIG_DEAL = "9007199254740993";
  let connectionId: string;
  beforeAll(async () => {
    const connection = await createConnection(owner.accessToken, {
      system: "supabase",
      name: "crm schema",
      // pages of 2: Twin A and Twin B share one updated_at and fall on either side of the first page's end
      config: { url: project.url, schema: "crm", tables: ["companies", "deals", "people"], page_size: 2 },
      secrets: { api_key: project.service_role_key },
    });
    connectionId = connection.id;
  });

  it("delivers every row, both rows sharing an updated_at across a page boundary included", async () => {
    expect(await sync(connectionId)).toEqual([
      ["companies", "succeeded", 4, 4, 0],
      ["deals", "succeeded", 2, 2, 0],
      ["people", "succeeded", 1, 1, 0],
    ]);
    const accounts = await viewRows("accounts", connectionId);
    expect([...accounts.keys()].sort()).toEqual([ZERO, TWIN_A, TWIN_B, "00000000-0000-4000-8000-000000000004"]);
  });

  it("keeps 0, false and numbers as data, and maps '' where the mapping says so", async () => {
    const zero = (await viewRows("accounts", connectionId)).get(ZERO);
    expect(zero).toMatchObject({ name: "Zero Ltd", employee_count: 0, annual_revenue: 0, industry: null, website: null, currency: "USD" });
    expect((await viewRows("accounts", connectionId)).get(TWIN_A)).toMatchObject({ annual_revenue: 1234.56, employee_count: 5, industry: "Retail" });
    const deals = await viewRows("opportunities", connectionId);
    // the id past 2^53 arrives exact, as the source id
    expect([...deals.keys()].sort()).toEqual(["2", BIG_DEAL]);
    expect(deals.get(BIG_DEAL)).toMatchObject({ name: "Free pilot", amount: 0, status: "lost", stage: "closed", close_date: "2024-07-01" });
    expect(deals.get("2")).toMatchObject({ name: "Renewal", amount: 5000, status: "open", close_date: null });
    const contacts = await viewRows("contacts", connectionId);
    expect(contacts.get("00000000-0000-4000-8000-0000000000a1")).toMatchObject({ first_name: null, last_name: "Nought", email: "nought@zero.example" });
  });

  it("picks up only the row changed in PostgreSQL (the trigger moves its updated_at) on the next sync", async () => {
    const [updated] = await onDatabase(sql`update crm.companies set name = 'Twin A (renamed)', employees = 0 where id = ${TWIN_A} returning updated_at`);
    expect(updated?.updated_at).toBeDefined();
    expect(await sync(connectionId)).toEqual([
      ["companies", "succeeded", 1, 1, 0],
      ["deals", "succeeded", 0, 0, 0],
      ["people", "succeeded", 0, 0, 0],
    ]);
    const twin = (await viewRows("accounts", connectionId)).get(TWIN_A);
    expect(twin).toMatchObject({ name: "Twin A (renamed)", employee_count: 0 });
    const events = (await streamEvents(connectionId)).filter((e) => e.entity === "account");
    expect(events.map((e) => e.source.record_id).sort()).toEqual([ZERO, TWIN_A, TWIN_A, TWIN_B, "00000000-0000-4000-8000-000000000004"].sort());
  });

  it("picks up the big-id deal's change by the (updated_at, id) cursor, and then nothing", async () => {
    await onDatabase(sql`update crm.deals set is_won = true where id = ${BIG_DEAL}::bigint`);
    expect(await sync(connectionId)).toContainEqual(["deals", "succeeded", 1, 1, 0]);
    expect((await viewRows("opportunities", connectionId)).get(BIG_DEAL)).toMatchObject({ status: "won" });
    expect(await sync(connectionId)).toEqual([
      ["companies", "succeeded", 0, 0, 0],
      ["deals", "succeeded", 0, 0, 0],
      ["people", "succeeded", 0, 0, 0],
    ]);
  });
});
