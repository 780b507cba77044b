import { describe, expect, it } from "vitest";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { compileYaml } from "../helpers";
import { legacyAccountRow, legacyDealRow, salesforceAccount, salesforceContact, salesforceOpportunity } from "./fixtures";

async function mapping(system: "salesforce" | "filesource", object: string) {
  return (await systemMappings()).get(system, object)!;
}

describe("records that fail mapping: every failing field, with its source and reason", () => {
  it("transform failures on several fields of one record", async () => {
    const result = (await mapping("filesource", "accounts")).map({
      ...legacyAccountRow,
      "Annual Revenue (EUR)": "1,234,567.00",
      Employees: "12,5",
      Created: "31/02/2024",
    });
    expect(result).toEqual({
      ok: false,
      record_id: "K-1001",
      errors: [
        { field: "annual_revenue", source_path: "Annual Revenue (EUR)", reason: 'more than one decimal separator "," in "1,234,567.00"' },
        { field: "employee_count", source_path: "Employees", reason: 'not a whole number: "12,5"' },
        { field: "created_at", source_path: "Created", reason: '"31/02/2024" is not a real date/time' },
      ],
    });
  });

  it("an unknown stage is an error, not a guess", async () => {
    const result = (await mapping("filesource", "deals")).map({ ...legacyDealRow, Stage: "On Hold" });
    expect(result).toEqual({ ok: false, record_id: "D-77", errors: [{ field: "status", source_path: "Stage", reason: 'no mapping for "On Hold"' }] });
  });

  it("canonical validation failures are reported per field too", async () => {
    const result = (await mapping("salesforce", "Contact")).map({ ...salesforceContact, Email: "not-an-email", CreatedDate: null });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "email", source_path: "Email", reason: expect.stringContaining("email") }] });
  });

  it("a transform failure and a validation failure together; the failed field is not reported twice", async () => {
    const result = (await mapping("salesforce", "Opportunity")).map({ ...salesforceOpportunity, Name: "  ", CloseDate: "31.12.2025", Probability: 140 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.source_path])).toEqual([
      ["close_date", "CloseDate"],
      ["name", "Name"],
      ["probability", "Probability"],
    ]);
  });

  it("a condition on a non-boolean flag is reported on the computed field", async () => {
    const result = (await mapping("salesforce", "Opportunity")).map({ ...salesforceOpportunity, IsClosed: "true" });
    expect(result).toEqual({
      ok: false,
      record_id: "0065g00000Opp1AAA",
      errors: [{ field: "status", source_path: "expr: IsClosed ? (IsWon ? 'won' : 'lost') : 'open'", reason: '?: needs a boolean, got "true"' }],
    });
  });

  it("an amount without a currency is rejected, not assumed", () => {
    const m = compileYaml("system: filesource\nobject: t\nentity: account\nversion: 1\nrecord_id: id\nfields:\n  name: Name\n  annual_revenue: { from: Rev, transforms: [number] }\n");
    expect(m.map({ id: "1", Name: "x", Rev: "0" })).toEqual({
      ok: false,
      record_id: "1",
      errors: [{ field: "currency", source_path: null, reason: "currency is required when annual_revenue is set" }],
    });
    expect(m.map({ id: "1", Name: "x", Rev: "" })).toMatchObject({ ok: true, data: { annual_revenue: null, currency: null } });
  });

  it("a record without an id", async () => {
    const m = await mapping("salesforce", "Account");
    expect(m.map({ ...salesforceAccount, Id: null })).toEqual({ ok: false, record_id: null, errors: [{ field: "source_id", source_path: "Id", reason: "the record has no id" }] });
    expect(m.map({ ...salesforceAccount, Id: "  " })).toMatchObject({ ok: false, errors: [{ field: "source_id", reason: "the record has no id" }] });
    expect(m.map({ ...salesforceAccount, Id: { x: 1 } })).toMatchObject({ ok: false, errors: [{ field: "source_id", reason: "not an id: an object" }] });
    const noPath = compileYaml("system: filesource\nobject: t\nentity: account\nversion: 1\nfields: { name: Name }\n");
    expect(noPath.map({ Name: "x" })).toMatchObject({ ok: false, record_id: null, errors: [{ field: "source_id", source_path: null }] });
  });

  it("a contact nobody can name or reach", async () => {
    const result = (await mapping("filesource", "contacts")).map({ "Contact ID": "C-9", "Full Name": " ", "E-Mail": "" });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "last_name", reason: "a contact needs at least one of first_name, last_name, email" }] });
  });

  it("never throws, whatever the record holds", async () => {
    const registry = await systemMappings();
    const hostile: Record<string, unknown>[] = [
      {},
      { Id: [], Name: 5, AnnualRevenue: {}, CreatedDate: 17, IsClosed: null, Owner: "x", BillingAddress: [1] },
      { "Account No": "1", "Company Name": ["a"], "Annual Revenue (EUR)": true, Created: "99/99/9999", Country: { a: 1 } },
    ];
    for (const m of registry.all()) {
      for (const raw of hostile) {
        const result = m.map(raw);
        expect(result.ok).toBe(false);
      }
    }
  });
});
