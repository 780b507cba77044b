import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import legacyAccounts from "../../../scripts/demo/legacy-crm/accounts.csv?raw";
import legacyDeals from "../../../scripts/demo/legacy-crm/deals.csv?raw";
import hubspotCompanies from "../../../scripts/demo/hubspot/hubspot-companies.csv?raw";
import hubspotDeals from "../../../scripts/demo/hubspot/hubspot-deals.tsv?raw";
import { inferRelationships } from "../../../workers/dcl/linking/relationships";
import { database, forTenant } from "../../../workers/platform/db";
import { accountEvent, append, materialize, opportunityEvent, storeOf, viewRows } from "../../helpers/dcl";
import { type SignedUp, bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, newTenant, queueDrainer } from "../../helpers/pipeline";

afterAll(() => vi.restoreAllMocks());

describe("the demo's two CRMs, through the real pipeline", () => {
  let owner: SignedUp;
  let legacy: string;
  let hubspot: string;
  const drain = queueDrainer(captureQueues());

  async function upload(connectionId: string, name: string, text: string, type: string) {
    const res = await call(`${CONNECTIONS}/${connectionId}/files?name=${name}`, {
      body: new TextEncoder().encode(text),
      headers: { ...bearer(owner.accessToken), "content-type": type },
    });
    expect(res.status).toBe(202);
    await drain();
  }

  beforeAll(async () => {
    owner = await signUp();
    legacy = (await createConnection(owner.accessToken)).id;
    hubspot = (await createConnection(owner.accessToken)).id;
    await upload(legacy, "accounts.csv", legacyAccounts, "text/csv");
    await upload(hubspot, "hubspot-companies.csv", hubspotCompanies, "text/csv");
    await upload(legacy, "deals.csv", legacyDeals, "text/csv");
    await upload(hubspot, "hubspot-deals.tsv", hubspotDeals, "text/tab-separated-values");
  });

  const sourceIds = (row: { sources: { record_id: string }[] }) => row.sources.map((s) => s.record_id).sort();

  it("links Müller Maschinenbau GmbH and Mueller Maschinenbau into one account, with the reasons", async () => {
    const accounts = await viewRows("materialized_accounts", owner.tenantId);
    const mueller = accounts.filter((a) => sourceIds(a).includes("K-1001"));
    expect(mueller).toHaveLength(1);
    expect(sourceIds(mueller[0]!)).toEqual(["9001", "K-1001"]);
    expect(mueller[0]?.link?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(mueller[0]?.link?.reasons.map((r) => r.rule).sort()).toEqual(["domain", "name"]);
    expect(mueller[0]?.link?.reasons.find((r) => r.rule === "domain")?.detail).toContain("mueller-maschinenbau.example");
    // Alpenblick is linked too (K-1007, the legacy Brightwater, is quarantined: its revenue reads "unknown");
    // the companies only one CRM knows stay single
    expect(accounts.filter((a) => a.sources.length === 2).map(sourceIds).sort()).toEqual([["9001", "K-1001"], ["9002", "K-1002"]]);
    expect(accounts.find((a) => sourceIds(a).includes("9005"))).toMatchObject({ sources: [expect.anything()], link: null });
  });

  it("resolves both CRMs' deals to the unified account", async () => {
    const mueller = (await viewRows("materialized_accounts", owner.tenantId)).find((a) => sourceIds(a).includes("K-1001"));
    const deals = await viewRows("materialized_opportunities", owner.tenantId);
    expect(deals.filter((d) => d.account_id === mueller?.id).map((d) => d.source_id).sort()).toEqual(["7001", "D-501"]);
    expect(deals.find((d) => d.source_id === "7001")).toMatchObject({ source_account_id: "9001" });
  });

  it("infers the deals' account_id as a foreign key to each CRM's own accounts", async () => {
    const relationships = await inferRelationships(storeOf(forTenant(database(env.DB), owner.tenantId)));
    expect(relationships).toContainEqual(
      expect.objectContaining({ from: expect.objectContaining({ connection_id: hubspot, field: "account_id" }), to: expect.objectContaining({ connection_id: hubspot }), coverage: 1 }),
    );
    expect(relationships.some((r) => r.from.connection_id === legacy && r.from.field === "account_id" && r.to.connection_id === legacy)).toBe(true);
    expect(relationships.every((r) => r.from.field !== "account_id" || r.from.connection_id === r.to.connection_id)).toBe(true);
  });
});

describe("linking rules on their own", () => {
  it("links by name alone when neither record has a website, and keeps a mere namesake's neighbour apart", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    await materialize(
      t,
      await append(scope, [
        accountEvent(t, "K-1", { name: "Nordwind Logistik GmbH" }),
        accountEvent(t, "N-7", { name: "NORDWIND LOGISTIK" }, { connection_id: "con_b", object: "companies" }),
        accountEvent(t, "P-1", { name: "Harbor & Pine Outfitters", website: "harborpine.example" }),
        accountEvent(t, "P-2", { name: "Pinecrest Dental Group", website: "pinecrest-dental.example" }, { connection_id: "con_b", object: "companies" }),
      ]),
    );
    const rows = await viewRows("materialized_accounts", t);
    expect(rows.map((r) => r.sources.map((s) => s.record_id).sort()).sort()).toEqual([["K-1", "N-7"], ["P-1"], ["P-2"]]);
    expect(rows.find((r) => r.sources.length === 2)?.link).toEqual({
      confidence: 0.9,
      reasons: [{ rule: "name", confidence: 0.9, detail: expect.stringContaining('"nordwind logistik" ~ "nordwind logistik"') }],
    });
  });

  it("keeps similar names apart when their domains or numbers differ: that is evidence of two companies", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    await materialize(
      t,
      await append(scope, [
        accountEvent(t, "F-12", { name: "Firma 12 GmbH" }),
        accountEvent(t, "F-13", { name: "Firma 13 GmbH" }, { connection_id: "con_b", object: "companies" }),
        accountEvent(t, "C-1", { name: "Central Heating", website: "central-heating.example" }),
        accountEvent(t, "C-2", { name: "Central Heating Ltd", website: "centralheating.example" }, { connection_id: "con_b", object: "companies" }),
      ]),
    );
    const rows = await viewRows("materialized_accounts", t);
    expect(rows.map((r) => r.sources.map((s) => s.record_id)).sort()).toEqual([["C-1"], ["C-2"], ["F-12"], ["F-13"]]);
  });

  it("links by an explicit external id, and splits again (opportunities following) when the id is removed", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const hub = { connection_id: "con_hub", object: "hubspot-companies" };
    await materialize(
      t,
      await append(scope, [
        accountEvent(t, "K-5", { name: "Zeta Holdings", updated_at: "2026-01-01T00:00:00.000Z", extras: { "external_id:hubspot-companies": 5005 } }),
        accountEvent(t, "5005", { name: "Omega Trading" }, hub),
        opportunityEvent(t, "7005", { account_id: "5005" }, hub),
      ]),
    );
    const [merged] = await viewRows("materialized_accounts", t);
    expect(merged?.link).toMatchObject({ confidence: 1, reasons: [{ rule: "external_id", detail: "accounts/K-5 names hubspot-companies/5005" }] });
    expect(await viewRows("materialized_opportunities", t)).toMatchObject([{ account_id: merged?.id }]);

    await materialize(t, await append(scope, [accountEvent(t, "K-5", { name: "Zeta Holdings", updated_at: "2026-02-01T00:00:00.000Z" })]));
    const split = await viewRows("materialized_accounts", t);
    expect(split).toHaveLength(2);
    const omega = split.find((a) => a.name === "Omega Trading");
    // the cluster's smallest record key (con_a's K-5) keeps the unified id; Omega gets its own
    expect(split.find((a) => a.name === "Zeta Holdings")?.id).toBe(merged?.id);
    expect(omega?.id).not.toBe(merged?.id);
    expect(await viewRows("materialized_opportunities", t)).toMatchObject([{ account_id: omega?.id }]);
  });
});
