import { describe, expect, it } from "vitest";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { compileYaml } from "../helpers";
import { legacyAccountRow, legacyContactRow, legacyDealRow, salesforceAccount, salesforceContact, salesforceOpportunity } from "./fixtures";

async function mapping(system: "salesforce" | "filesource", object: string) {
  const found = (await systemMappings()).get(system, object);
  if (found === undefined) throw new Error(`no mapping for ${system}/${object}`);
  return found;
}

describe("default Salesforce mappings", () => {
  it("maps an Account exactly, keeping unmapped fields (and the rest of Owner) in extras", async () => {
    const result = (await mapping("salesforce", "Account")).map(salesforceAccount);
    expect(result).toEqual({
      ok: true,
      record_id: "0015g00000XyZabAAF",
      data: {
        source_id: "0015g00000XyZabAAF",
        name: "Acme Corporation",
        industry: "Manufacturing",
        annual_revenue: 12500000,
        currency: "EUR",
        employee_count: 0,
        website: "www.acme.example",
        phone: "+49 30 1234567",
        billing_city: "Berlin",
        billing_country: "Germany",
        owner: "Grace Hopper",
        description: null,
        created_at: "2024-01-15T10:30:00.000Z",
        updated_at: "2025-03-01T07:00:00.000Z",
        extras: { Owner: { Email: "grace@acme.example" }, Rating: "Hot", Custom_Score__c: 87 },
      },
    });
  });

  it("maps an Opportunity: IsClosed/IsWon → status, 0 amount and probability kept as 0", async () => {
    const result = (await mapping("salesforce", "Opportunity")).map(salesforceOpportunity);
    expect(result).toEqual({
      ok: true,
      record_id: "0065g00000Opp1AAA",
      data: {
        source_id: "0065g00000Opp1AAA",
        account_id: "0015g00000XyZabAAF",
        name: "Acme — 500 widgets",
        stage: "Closed Lost",
        amount: 0,
        currency: "USD",
        close_date: "2025-12-31",
        probability: 0,
        status: "lost",
        type: "New Business",
        lead_source: "Web",
        owner: "Grace Hopper",
        description: null,
        created_at: "2025-01-02T09:00:00.000Z",
        updated_at: "2025-06-30T17:45:12.000Z",
        extras: { ForecastCategoryName: "Omitted" },
      },
    });
  });

  it("derives won and open from the flags", async () => {
    const m = await mapping("salesforce", "Opportunity");
    expect(m.map({ ...salesforceOpportunity, IsWon: true }).ok && m.map({ ...salesforceOpportunity, IsWon: true })).toMatchObject({ data: { status: "won" } });
    expect(m.map({ ...salesforceOpportunity, IsClosed: false })).toMatchObject({ ok: true, data: { status: "open" } });
  });

  it("maps a Contact from the REST compound address; the unread street stays in extras", async () => {
    const result = (await mapping("salesforce", "Contact")).map(salesforceContact);
    expect(result).toEqual({
      ok: true,
      record_id: "0035g00000Con1AAA",
      data: {
        source_id: "0035g00000Con1AAA",
        account_id: "0015g00000XyZabAAF",
        first_name: "Ada",
        last_name: "Lovelace",
        email: "ada.lovelace@acme.example",
        phone: null,
        mobile_phone: "+44 7700 900123",
        title: "CTO",
        department: "Engineering",
        mailing_city: "London",
        mailing_country: "United Kingdom",
        owner: "0055g00000AbCdEAAV",
        created_at: "2024-05-05T05:05:05.000Z",
        updated_at: "2024-05-06T06:06:06.000Z",
        extras: { MailingAddress: { street: "1 Analytical Way" }, HasOptedOutOfEmail: false },
      },
    });
  });

  it("fills null for fields a record does not have, and defaults the currency", async () => {
    const result = (await mapping("salesforce", "Account")).map({ Id: "001", Name: "Bare" });
    expect(result).toMatchObject({ ok: true, data: { name: "Bare", industry: null, annual_revenue: null, currency: "USD", owner: null, extras: {} } });
  });

  it("carries the mapping version", async () => {
    expect((await mapping("salesforce", "Opportunity")).mapping_version).toMatch(/^salesforce\/Opportunity@2#[0-9a-f]{12}$/);
  });
});

describe("default file-source mappings (legacy CRM export)", () => {
  it("maps a messy account row", async () => {
    const result = (await mapping("filesource", "accounts")).map(legacyAccountRow);
    expect(result).toEqual({
      ok: true,
      record_id: "K-1001",
      data: {
        source_id: "K-1001",
        name: "Müller Maschinenbau GmbH",
        industry: "Mechanical Engineering",
        annual_revenue: 1234567,
        currency: "EUR",
        employee_count: 1250,
        website: null,
        phone: "+49 89 123456",
        billing_city: "München",
        billing_country: "Germany",
        owner: "Jonas Weber",
        description: null,
        created_at: "2024-12-30T23:00:00.000Z",
        updated_at: "2025-07-01T12:30:00.000Z",
        extras: { "Legacy Flag": "X" },
      },
    });
  });

  it("maps a deal: stage text → status, German amount, € → EUR, 100% → 100", async () => {
    const result = (await mapping("filesource", "deals")).map(legacyDealRow);
    expect(result).toMatchObject({
      ok: true,
      data: {
        account_id: "K-1001",
        stage: "Closed - Won",
        status: "won",
        amount: 250000.5,
        currency: "EUR",
        close_date: "2026-03-15",
        probability: 100,
        lead_source: null,
        description: "Upsell — Signed at trade fair",
        created_at: "2026-01-01T23:00:00.000Z",
        updated_at: null,
        extras: {},
      },
    });
  });

  it("maps a contact: full name split, e-mail lowercased, leap day accepted", async () => {
    const result = (await mapping("filesource", "contacts")).map(legacyContactRow);
    expect(result).toMatchObject({
      ok: true,
      data: { first_name: "Anna", last_name: "Maria Schmidt", email: "anna.schmidt@mueller.example", phone: null, department: null, mailing_city: "Augsburg", created_at: "2024-02-28T23:00:00.000Z" },
    });
  });
});

describe("compiled sources", () => {
  const doc = (fields: string, extra = "") => `system: filesource\nobject: t\nentity: account\nversion: 1\nrecord_id: id\n${extra}fields:\n  name: { const: N }\n${fields}`;

  it("coalesce takes the first non-null in order; 0 and '' count as values", () => {
    const m = compileYaml(doc("  industry: { coalesce: [a, b, c], transforms: [string] }\n"));
    expect(m.map({ id: "1", a: null, b: 0, c: "x" })).toMatchObject({ data: { industry: "0" } });
    expect(m.map({ id: "1", b: "", c: "x" })).toMatchObject({ data: { industry: "" } });
    expect(m.map({ id: "1" })).toMatchObject({ data: { industry: null } });
  });

  it("concat joins non-empty parts; nothing left is null", () => {
    const m = compileYaml(doc("  description: { concat: { from: [a, b, c], separator: ' / ' } }\n"));
    expect(m.map({ id: "1", a: "x", b: "", c: 0 })).toMatchObject({ data: { description: "x / 0" } });
    expect(m.map({ id: "1", b: "" })).toMatchObject({ data: { description: null } });
  });

  it("default replaces null only, after the transforms", () => {
    const m = compileYaml(doc("  industry: { from: a, transforms: [trim, empty_as_null], default: Unknown }\n"));
    expect(m.map({ id: "1", a: "  " })).toMatchObject({ data: { industry: "Unknown" } });
    expect(m.map({ id: "1", a: "0" })).toMatchObject({ data: { industry: "0" } });
  });

  it("expressions compute, and count their fields as consumed", () => {
    const m = compileYaml(doc("  annual_revenue: { expr: 'monthly * 12' }\n  currency: { const: EUR }\n"));
    expect(m.map({ id: "1", monthly: 1000, other: true })).toEqual({
      ok: true,
      record_id: "1",
      data: expect.objectContaining({ annual_revenue: 12000, extras: { other: true } }) as unknown,
    });
  });

  it("array paths: [*] with join, [0] consumes the whole array", () => {
    const m = compileYaml(doc("  phone: { from: 'Phones[*].number', transforms: [{ join: { separator: ', ' } }] }\n  website: 'Sites[0]'\n"));
    expect(m.map({ id: "1", Phones: [{ number: "1" }, { number: "2" }], Sites: ["a.io", "b.io"] })).toMatchObject({
      data: { phone: "1, 2", website: "a.io", extras: {} },
    });
  });

  it("ignore keeps metadata out of extras; everything else stays", () => {
    const m = compileYaml(doc("", "ignore: [meta, 'nested.skip']\n"));
    expect(m.map({ id: "1", meta: { a: 1 }, nested: { skip: 1, keep: 2 }, other: null })).toMatchObject({
      data: { extras: { nested: { keep: 2 }, other: null } },
    });
  });

  it("a numeric id becomes text; without record_id the connector's id is used", () => {
    expect(compileYaml(doc("")).map({ id: 42 })).toMatchObject({ ok: true, record_id: "42", data: { source_id: "42" } });
    const noPath = compileYaml("system: filesource\nobject: t\nentity: account\nversion: 1\nfields: { name: Name }\n");
    expect(noPath.map({ Name: "x" }, "row-7")).toMatchObject({ ok: true, record_id: "row-7", data: { extras: {} } });
  });

  it("keeps a source key named __proto__ as data in extras, without touching prototypes", () => {
    const raw = JSON.parse('{"id": "1", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const result = compileYaml(doc("")).map(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.hasOwn(result.data.extras, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
