/**
 * Drift in a Salesforce org, end to end through the public API and the real queue consumers: an admin renames,
 * retypes or removes an Account field in Setup (the fake's describe changes, so the production connector queries the
 * new columns), and the next sync detects it, repairs the mapping, replays what was held, and every record reaches
 * the accounts view.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../../helpers/http";
import { type FakeOrg, connectedAppKeys, createFakeOrg, fakeUrl } from "../connectors/salesforce/helpers";
import { type Tenant, authorized, connect, driftEvents, quarantined, repairs, sync, tenant, viewRows } from "./helpers";

const ACME = "001000000000000AAA";
const GLOBEX = "001000000000000BBB";
const HOOLI = "001000000000000CCC";
const UMBRELLA = "001000000000000DDD";
const hoursIn = (hours: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + hours * 3_600_000).toISOString().replace("Z", "+0000");

const accounts = [
  { Id: ACME, Name: "Acme Corp", Industry: "Technology", AnnualRevenue: 1_200_000, SystemModstamp: hoursIn(0) },
  { Id: GLOBEX, Name: "Globex", Industry: "Energy", AnnualRevenue: 0, SystemModstamp: hoursIn(1) },
];

async function salesforceConnection(t: Tenant, org: FakeOrg): Promise<string> {
  const { privatePem } = await connectedAppKeys();
  return connect(t, {
    system: "salesforce",
    name: "Salesforce",
    config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Account"] },
    secrets: { private_key: privatePem },
  });
}

/** A tenant (with its settings, if any) whose org's two Accounts are synced once. */
async function syncedOrg(settings?: { auto_apply_threshold: number }): Promise<{ t: Tenant; org: FakeOrg; connectionId: string }> {
  const t = await tenant();
  if (settings !== undefined) {
    const res = await call("/api/v1/aam/settings", { method: "PUT", headers: authorized(t), body: settings });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const org = await createFakeOrg({ records: { Account: accounts } });
  const connectionId = await salesforceConnection(t, org);
  expect(await sync(t, connectionId)).toEqual([["Account", "succeeded", 2, 0]]);
  return { t, org, connectionId };
}

afterAll(() => vi.restoreAllMocks());

describe("Salesforce: AnnualRevenue renamed to Annual_Revenue__c", () => {
  let t: Tenant;
  let org: FakeOrg;
  let connectionId: string;
  beforeAll(async () => {
    ({ t, org, connectionId } = await syncedOrg());
  });

  it("detects the rename in one sync, re-maps it automatically and every changed record reaches the view", async () => {
    await org.change({ fields: { object: "Account", remove: ["AnnualRevenue"], add: [{ name: "Annual_Revenue__c", label: "Annual Revenue", type: "currency" }] } });
    await org.put("Account", [
      { Id: ACME, Annual_Revenue__c: 2_500_000 },
      { Id: HOOLI, Name: "Hooli", Industry: "Technology", Annual_Revenue__c: 900_000 },
      { Id: UMBRELLA, Name: "Umbrella", Annual_Revenue__c: 0 },
    ]);
    const [, status, read, held] = (await sync(t, connectionId))[0]!;
    expect(status).toBe("succeeded");

    const event = (await driftEvents(t, connectionId))[0]!;
    expect(event).toMatchObject({ object: "Account", breaking: true, status: "repaired" });
    expect(event.changes).toContainEqual(expect.objectContaining({ kind: "renamed", path: "AnnualRevenue", to: "Annual_Revenue__c", target: "annual_revenue" }));

    const repair = (await repairs(t))[0]!;
    expect(repair).toMatchObject({ kind: "drift", status: "applied", decided_by: "aam:auto", applied_version: 2, drift_event_id: event.id });
    expect(repair.changes).toEqual([expect.objectContaining({ target: "annual_revenue", action: "map", from: "Annual_Revenue__c", previous_from: "AnnualRevenue", auto: true })]);
    const mapping = await t.getJson("/api/v1/aam/mappings/salesforce/Account");
    expect(mapping).toMatchObject({ origin: "tenant", version: 2 });
    expect(mapping.source).toContain("annual_revenue: { from: Annual_Revenue__c, transforms: [number] }");
    // the bundled document's comments survive the edit
    expect(mapping.source).toContain("# CurrencyIsoCode exists only in multi-currency orgs");

    // nothing lost: whatever was held is replayed, and every record read is in the view with its revenue
    expect(await quarantined(t, connectionId, "open")).toEqual([]);
    expect((await quarantined(t, connectionId, "replayed")).length).toBe(held);
    expect(read).toBeGreaterThanOrEqual(3);
    const rows = await viewRows(t, "accounts", connectionId);
    expect([...rows.keys()].sort()).toEqual([ACME, GLOBEX, HOOLI, UMBRELLA]);
    expect(rows.get(ACME)).toMatchObject({ annual_revenue: 2_500_000 });
    expect(rows.get(HOOLI)).toMatchObject({ name: "Hooli", annual_revenue: 900_000 });
    expect(rows.get(UMBRELLA)).toMatchObject({ annual_revenue: 0 });
  });

  it("rolls the repair back to a new version with the mapping as it was", async () => {
    const repair = (await repairs(t))[0]!;
    const res = await call(`/api/v1/aam/repairs/${repair.id}/rollback`, { method: "POST", headers: authorized(t) });
    expect(res.status, await res.clone().text()).toBe(200);
    const mapping = await t.getJson("/api/v1/aam/mappings/salesforce/Account");
    expect(mapping).toMatchObject({ origin: "tenant", version: 3 });
    expect(mapping.source).toContain("annual_revenue: { from: AnnualRevenue, transforms: [number] }");
    expect((await repairs(t))[0]).toMatchObject({ id: repair.id, status: "rolled_back", rolled_back_version: 3 });
  });
});

describe("Salesforce: AnnualRevenue retyped from a number to text written with a currency and German separators", () => {
  let t: Tenant;
  let org: FakeOrg;
  let connectionId: string;
  beforeAll(async () => {
    ({ t, org, connectionId } = await syncedOrg());
  });

  it("detects the retype, re-parses with the samples' locale, and replays the records that failed", async () => {
    await org.change({ fields: { object: "Account", remove: ["AnnualRevenue"], add: [{ name: "AnnualRevenue", label: "Annual Revenue", type: "string" }] } });
    await org.put("Account", [
      { Id: ACME, AnnualRevenue: "1.250.000,00 €" },
      { Id: HOOLI, Name: "Hooli", AnnualRevenue: "€ 98.500,50" },
      { Id: UMBRELLA, Name: "Umbrella", AnnualRevenue: "12.000.000 €" },
    ]);
    const [, status] = (await sync(t, connectionId))[0]!;
    expect(status).toBe("succeeded");

    const event = (await driftEvents(t, connectionId))[0]!;
    expect(event.changes).toContainEqual(expect.objectContaining({ kind: "retyped", path: "AnnualRevenue", to_type: "string", target: "annual_revenue" }));
    const repair = (await repairs(t))[0]!;
    expect(repair).toMatchObject({ status: "applied", kind: "drift" });
    expect(repair.changes).toEqual([expect.objectContaining({ target: "annual_revenue", action: "retransform" })]);

    expect(await quarantined(t, connectionId, "open")).toEqual([]);
    const rows = await viewRows(t, "accounts", connectionId);
    expect(rows.get(ACME)).toMatchObject({ annual_revenue: 1_250_000 });
    expect(rows.get(HOOLI)).toMatchObject({ annual_revenue: 98_500.5 });
    expect(rows.get(UMBRELLA)).toMatchObject({ annual_revenue: 12_000_000 });
  });
});

describe("Salesforce: Industry removed, with a tenant that approves every repair", () => {
  let t: Tenant;
  let org: FakeOrg;
  let connectionId: string;
  beforeAll(async () => {
    ({ t, org, connectionId } = await syncedOrg({ auto_apply_threshold: 1 }));
  });

  it("holds the records read while the repair waits, and replays every one of them once it is approved", async () => {
    await org.change({ fields: { object: "Account", remove: ["Industry"] } });
    await org.put("Account", [
      { Id: ACME, Name: "Acme Corporation" },
      { Id: HOOLI, Name: "Hooli" },
      { Id: UMBRELLA, Name: "Umbrella" },
    ]);
    const [, status, read, held] = (await sync(t, connectionId))[0]!;
    expect(status).toBe("succeeded");
    expect(held).toBe(read);
    const open = await quarantined(t, connectionId, "open");
    expect(open).toHaveLength(held);
    expect(open[0]?.reason).toMatch(/^held: salesforce\/Account changed shape \(removed Industry\); repair rep_\w+ awaits approval/);

    const event = (await driftEvents(t, connectionId))[0]!;
    expect(event).toMatchObject({ breaking: true, status: "repair_pending" });
    expect(event.changes).toContainEqual(expect.objectContaining({ kind: "removed", path: "Industry", target: "industry" }));
    const repair = (await repairs(t, "?status=pending"))[0]!;
    expect(repair.changes).toEqual([expect.objectContaining({ target: "industry", action: "unmap", auto: false })]);
    // a second sync while it waits holds its records too, under the same repair
    await org.put("Account", [{ Id: GLOBEX, Name: "Globex Corporation" }]);
    await sync(t, connectionId);
    expect((await repairs(t, "?status=pending")).map((r) => r.id)).toEqual([repair.id]);
    const stillHeld = (await quarantined(t, connectionId, "open")).length;
    expect(stillHeld).toBeGreaterThan(held);

    const approved = await t.postJson(`/api/v1/aam/repairs/${repair.id}/approve`);
    await t.drain(); // the replayed events on to the DCL
    expect(approved.repair).toMatchObject({ status: "applied", decided_by: owner(t) });
    expect(approved.replay).toMatchObject({ replayed: stillHeld, still_failing: 0 });
    expect(await quarantined(t, connectionId, "open")).toEqual([]);
    expect(await quarantined(t, connectionId, "replayed")).toHaveLength(stillHeld);
    expect((await driftEvents(t, connectionId))[0]).toMatchObject({ id: event.id, status: "repaired" });
    const rows = await viewRows(t, "accounts", connectionId);
    expect([...rows.keys()].sort()).toEqual([ACME, GLOBEX, HOOLI, UMBRELLA]);
    expect(rows.get(ACME)).toMatchObject({ name: "Acme Corporation", industry: null });
    expect(rows.get(GLOBEX)).toMatchObject({ name: "Globex Corporation" });
  });
});

const owner = (t: Tenant) => t.owner.userId;
