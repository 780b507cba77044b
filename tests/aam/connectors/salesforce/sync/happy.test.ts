/**
 * A Salesforce org through the public API and the real queue consumers: a JWT bearer connection created with its
 * private key as a secret, synced into the canonical stream and the DCL views with the bundled mappings, then
 * synced again after one record changed and one was deleted. Every sync step builds its connector afresh from the
 * stored connection and the job's cursor, so the second sync is a restart as far as the connector can tell.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";
import { type FakeOrg, connectedAppKeys, createFakeOrg, fakeUrl } from "../helpers";

const ACME = "001000000000000AAA";
const GLOBEX = "001000000000000BBB";
const INITECH = "001000000000000CCC";
const ADA = "003000000000000AAA";
const GRACE = "003000000000000BBB";
const RENEWAL = "006000000000000AAA";
const PILOT = "006000000000000BBB";
const hoursIn = (hours: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + hours * 3_600_000).toISOString().replace("Z", "+0000");

const records = {
  Account: [
    { Id: ACME, Name: " Acme Corp ", Industry: "Technology", AnnualRevenue: 1_200_000, NumberOfEmployees: 250, BillingCity: "Berlin", BillingCountry: "Germany", SystemModstamp: hoursIn(0) },
    { Id: GLOBEX, Name: "Globex", Industry: null, AnnualRevenue: 0, NumberOfEmployees: 0, SystemModstamp: hoursIn(1) },
    { Id: INITECH, Name: "Initech", Industry: "Banking", SystemModstamp: hoursIn(2) },
  ],
  Contact: [
    { Id: ADA, AccountId: ACME, FirstName: "Ada", LastName: "Lovelace", Email: " ADA@Acme.Example ", Title: "CTO", SystemModstamp: hoursIn(0) },
    { Id: GRACE, AccountId: GLOBEX, FirstName: "Grace", LastName: "Hopper", Email: "grace@globex.example", SystemModstamp: hoursIn(1) },
  ],
  Opportunity: [
    { Id: RENEWAL, AccountId: ACME, Name: "Renewal 2026", StageName: "Closed Won", Amount: 50_000, CloseDate: "2026-03-31", Probability: 100, IsClosed: true, IsWon: true, SystemModstamp: hoursIn(0) },
    { Id: PILOT, AccountId: GLOBEX, Name: "Pilot", StageName: "Qualification", Amount: 0, CloseDate: "2026-06-30", Probability: 20, IsClosed: false, IsWon: false, SystemModstamp: hoursIn(1) },
  ],
};

let owner: SignedUp;
let drainQueues: () => Promise<void>;
let org: FakeOrg;
let connectionId: string;

beforeAll(async () => {
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
  org = await createFakeOrg({ records });
  const { privatePem } = await connectedAppKeys();
  const connection = await createConnection(owner.accessToken, {
    system: "salesforce",
    name: "Salesforce",
    config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Account", "Contact", "Opportunity"] },
    secrets: { private_key: privatePem },
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

async function streamEvents() {
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

async function viewRows(view: string) {
  const { items } = ViewPageSchema.parse(await getJson(`/api/v1/dcl/views/${view}?limit=500`));
  const fromConnection = items.filter((row) => (row.sources as { connection_id: string }[]).some((s) => s.connection_id === connectionId));
  return new Map(fromConnection.map((row) => [String(row.source_id), row]));
}

describe("a Salesforce org (JWT bearer) into the canonical stream and the DCL views, then incrementally", () => {
  it("maps every Account, Contact and Opportunity on the first sync", async () => {
    expect(await sync()).toEqual([
      ["Account", "succeeded", 3, 0],
      ["Contact", "succeeded", 2, 0],
      ["Opportunity", "succeeded", 2, 0],
    ]);
    const accounts = await viewRows("accounts");
    expect([...accounts.keys()].sort()).toEqual([ACME, GLOBEX, INITECH]);
    expect(accounts.get(ACME)).toMatchObject({ name: "Acme Corp", industry: "Technology", annual_revenue: 1_200_000, employee_count: 250, billing_city: "Berlin", currency: "USD" });
    // 0 and null are data, not gaps
    expect(accounts.get(GLOBEX)).toMatchObject({ annual_revenue: 0, employee_count: 0, industry: null });
    const deals = await viewRows("opportunities");
    expect(deals.get(RENEWAL)).toMatchObject({ name: "Renewal 2026", status: "won", amount: 50_000, close_date: "2026-03-31", stage: "Closed Won" });
    expect(deals.get(PILOT)).toMatchObject({ status: "open", amount: 0 });
    const contacts = await viewRows("contacts");
    expect(contacts.get(ADA)).toMatchObject({ first_name: "Ada", last_name: "Lovelace", email: "ada@acme.example", title: "CTO" });
    expect(contacts.get(GRACE)).toMatchObject({ email: "grace@globex.example" });
    const events = await streamEvents();
    expect(events).toHaveLength(7);
    expect(events.find((e) => e.source.record_id === ACME)?.meta.mapping_version).toMatch(/^salesforce\/Account@1#/);
  });

  it("picks up only the changed Account and the deleted Contact on the next sync, from the stored cursor", async () => {
    const before = (await org.state()).calls.length;
    await org.put("Account", [{ Id: GLOBEX, Name: "Globex Corporation" }]);
    await org.put("Contact", [{ Id: GRACE, IsDeleted: true }]);
    const runs = await sync();
    expect(runs.map(([object, status]) => [object, status])).toEqual([
      ["Account", "succeeded"],
      ["Contact", "succeeded"],
      ["Opportunity", "succeeded"],
    ]);
    // each object's query starts from its stored watermark (minus the lookback), not from the beginning
    const queries = (await org.state()).calls.slice(before).filter((c) => c.path.includes("/queryAll?"));
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(decodeURIComponent(query.path)).toContain("WHERE SystemModstamp >= 2026-01-01T0");

    const events = await streamEvents();
    const fresh = events.slice(7).map((e) => [e.entity, e.source.record_id, e.meta.op]);
    expect(fresh.sort()).toEqual([
      ["account", GLOBEX, "upsert"],
      ["contact", GRACE, "delete"],
    ]);
    expect((await viewRows("accounts")).get(GLOBEX)).toMatchObject({ name: "Globex Corporation", employee_count: 0 });
    expect([...(await viewRows("contacts")).keys()]).toEqual([ADA]);
  });
});
