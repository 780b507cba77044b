/**
 * Files, end to end through the upload API and the real queue consumers: a CSV export whose column was renamed
 * since the last one (its mapping is repaired and its rows replayed), and a CSV whose headers no mapping has ever
 * seen (zero-config onboarding: a mapping is drafted from its columns and the rows flow, unmapped columns in extras).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RunSchema } from "../../../workers/gateway/routes/aam/runs/schemas";
import { CONNECTIONS } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { type Tenant, authorized, connect, driftEvents, quarantined, repairs, tenant, viewRows } from "./helpers";

const encoder = new TextEncoder();
const HEADER = "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;City;Country";

let t: Tenant;
let connectionId: string;

beforeAll(async () => {
  t = await tenant();
  connectionId = await connect(t, { system: "filesource", name: "CRM exports", config: { format: "csv" } });
});
afterAll(() => vi.restoreAllMocks());

/** Uploads a file and drains the pipeline; the run's counts. */
async function upload(name: string, csv: string, entity?: string) {
  const query = `name=${encodeURIComponent(name)}${entity === undefined ? "" : `&entity=${entity}`}`;
  const res = await call(`${CONNECTIONS}/${connectionId}/files?${query}`, { body: encoder.encode(csv), headers: { ...authorized(t), "content-type": "text/csv" } });
  expect(res.status, await res.clone().text()).toBe(202);
  const { run_id } = (await res.json()) as { run_id: string };
  await t.drain();
  return RunSchema.parse(await t.getJson(`/api/v1/aam/runs/${run_id}`)).counts;
}

describe("a CSV column renamed between two exports", () => {
  it("maps the first export with the bundled mapping", async () => {
    const csv = [HEADER, "A-1;Acme GmbH;Technology;1.234.567,00;250;acme.example;Berlin;DE", "A-2;Globex AG;Energy;0,00;0;globex.example;Basel;CH"].join("\n");
    expect(await upload("accounts-2026-01.csv", csv)).toMatchObject({ read: 2, emitted: 2, quarantined: 0 });
  });

  it("detects 'Company Name' renamed to 'Account Name' in the next export, repairs it and every row reaches the view", async () => {
    const renamed = HEADER.replace("Company Name", "Account Name");
    const csv = [renamed, "A-3;Initech;Banking;2.000.000,00;90;initech.example;Wien;AT", "A-4;Hooli;Technology;5.500,50;12;hooli.example;Graz;AT", "A-1;Acme GmbH;Technology;1.300.000,00;260;acme.example;Berlin;DE"].join("\n");
    const counts = await upload("accounts-2026-02.csv", csv);
    expect(counts.read).toBe(3);

    const event = (await driftEvents(t, connectionId))[0]!;
    expect(event).toMatchObject({ object: "accounts", breaking: true, status: "repaired" });
    expect(event.changes).toContainEqual(expect.objectContaining({ kind: "renamed", path: "Company Name", to: "Account Name", target: "name" }));
    const repair = (await repairs(t))[0]!;
    expect(repair).toMatchObject({ kind: "drift", status: "applied", system: "filesource", object: "accounts" });
    expect(repair.changes).toEqual([expect.objectContaining({ target: "name", action: "map", from: "Account Name" })]);

    // counts add up: every row read is an event now, directly or through the replay of what was held
    expect(await quarantined(t, connectionId, "open")).toEqual([]);
    expect(counts.emitted + (await quarantined(t, connectionId, "replayed")).length).toBe(3);
    const rows = await viewRows(t, "accounts", connectionId);
    expect(rows.get("A-3")).toMatchObject({ name: "Initech", annual_revenue: 2_000_000, billing_country: "Austria" });
    expect(rows.get("A-4")).toMatchObject({ name: "Hooli", annual_revenue: 5500.5 });
    expect(rows.get("A-1")).toMatchObject({ name: "Acme GmbH", annual_revenue: 1_300_000 });
  });
});

describe("a CSV whose headers no mapping has seen (zero-config onboarding)", () => {
  const csv = [
    "Kundennummer;Firma;Branche;Umsatz (EUR);Mitarbeiter;Webseite;Ort;Land;Lieblingsfarbe",
    "K-100;Nordwind Logistik GmbH;Logistik;1.250.000,00;140;https://nordwind.example;Hamburg;Deutschland;blau",
    "K-101;Südstern AG;Energie;980.000,00;75;https://suedstern.example;München;Deutschland;grün",
  ].join("\n");

  it("drafts a mapping from the columns, maps the rows at once and keeps unmapped columns in extras", async () => {
    const counts = await upload("kunden-export.csv", csv, "account");
    expect(counts).toMatchObject({ read: 2, quarantined: 0, emitted: 2 });
    const drafted = (await repairs(t, "?kind=onboarding")).filter((r) => r.object === "kunden-export.csv");
    const applied = drafted.find((r) => r.status === "applied")!;
    expect(applied).toMatchObject({ decided_by: "aam:auto", applied_version: 1 });
    expect(applied.changes.every((c) => c.auto)).toBe(true);
    // what the matcher was unsure of waits for a person, in a second repair
    for (const waiting of drafted.filter((r) => r.status !== "applied")) {
      expect(waiting.status).toBe("pending");
      expect(waiting.changes.every((c) => !c.auto)).toBe(true);
    }
    const mapping = await t.getJson(`/api/v1/aam/mappings/filesource/${encodeURIComponent("kunden-export.csv")}`);
    expect(mapping).toMatchObject({ origin: "tenant", entity: "account" });
    // the amounts' currency comes from their column's name
    expect(mapping.source).toContain("currency: { const: EUR }");
    const rows = await viewRows(t, "accounts", connectionId);
    expect(rows.get("K-100")).toMatchObject({ name: "Nordwind Logistik GmbH", billing_city: "Hamburg", annual_revenue: 1_250_000, currency: "EUR", employee_count: 140 });
    expect(rows.get("K-100")?.extras).toMatchObject({ Lieblingsfarbe: "blau" });
  });
});
