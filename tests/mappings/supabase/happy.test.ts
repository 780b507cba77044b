/** The bundled Supabase mappings on rows exactly as the real PostgREST returns them (tests/setup/postgrest.ts). */
import { describe, expect, it } from "vitest";
import { systemMappings } from "../../../workers/aam/mapping/registry";
import { connector, readAll } from "../../aam/connectors/supabase/helpers";

async function mapping(object: string) {
  const found = (await systemMappings()).get("supabase", object);
  if (found === undefined) throw new Error(`no mapping for supabase/${object}`);
  return found;
}

async function mapTable(object: string, config: Record<string, unknown> = {}) {
  const { records } = await readAll(connector(config), object);
  const compiled = await mapping(object);
  return records.map((record) => ({ record, result: compiled.map(record.data) }));
}

describe("the Supabase mappings", () => {
  it("map every company to an account, numbers and timestamps typed, the rest in extras", async () => {
    const mapped = await mapTable("companies");
    expect(mapped.every(({ result }) => result.ok)).toBe(true);
    const seventh = mapped.find(({ record }) => record.data.name === "Company 007");
    expect(seventh?.result).toMatchObject({
      ok: true,
      record_id: seventh?.record.record_id,
      data: {
        name: "Company 007",
        industry: "Retail",
        annual_revenue: 7003.5,
        employee_count: 70,
        website: "company7.example",
        updated_at: "2024-01-01T00:01:00.123Z",
        extras: {},
      },
    });
  });

  it("map every deal to an opportunity whose status follows its stage and is_won", async () => {
    const mapped = await mapTable("deals");
    const statuses = mapped.map(({ record, result }) => [record.data.stage, record.data.is_won, result.ok && "status" in result.data ? result.data.status : "error"]);
    for (const [stage, isWon, status] of statuses) {
      expect(status).toBe(stage === "closed" ? (isWon === true ? "won" : "lost") : "open");
    }
    const first = mapped[0];
    expect(first?.result).toMatchObject({ ok: true, data: { account_id: first?.record.data.company_id, currency: "USD", close_date: expect.stringMatching(/^2024-\d\d-\d\d$/) } });
  });

  it("map every person to a contact, keeping tags and metadata in extras", async () => {
    const mapped = await mapTable("people");
    expect(mapped.every(({ result }) => result.ok)).toBe(true);
    expect(mapped[0]?.result).toMatchObject({ ok: true, data: { email: "person1@example.com", extras: { tags: ["lead"], metadata: { score: 1 } } } });
  });

  it("keep 0, false and empty values as data: no value is dropped for being falsy ('' is no value only where empty_as_null says so)", async () => {
    const companies = await mapTable("companies", { schema: "crm" });
    const zero = companies.find(({ record }) => record.data.name === "Zero Ltd");
    expect(zero?.result).toMatchObject({ ok: true, data: { employee_count: 0, annual_revenue: 0, industry: null, website: null, currency: "USD" } });
    const deals = await mapTable("deals", { schema: "crm" });
    const pilot = deals.find(({ record }) => record.data.name === "Free pilot");
    // the id past 2^53 stays exact from the row to the canonical record
    expect(pilot?.result).toMatchObject({ ok: true, record_id: "9007199254740993", data: { amount: 0, stage: "closed" } });
    const [person] = await mapTable("people", { schema: "crm" });
    expect(person?.result).toMatchObject({ ok: true, data: { first_name: null, last_name: "Nought", email: "nought@zero.example", extras: { tags: [], metadata: { score: 0, vip: false } } } });
  });

  it("read numeric columns given as strings (PostgREST's numeric::text, or a view casting them) as the same numbers", async () => {
    const compiled = await mapping("companies");
    const row = { id: "c1", name: "Text Numbers", domain: null, industry: null, employees: "0", annual_revenue: "1234567890.12", updated_at: "2024-05-01T00:00:00+00:00" };
    expect(compiled.map(row, "c1")).toMatchObject({ ok: true, data: { employee_count: 0, annual_revenue: 1234567890.12 } });
    expect(compiled.map({ ...row, employees: 0, annual_revenue: 1234567890.12 }, "c1")).toMatchObject({ ok: true, data: { employee_count: 0, annual_revenue: 1234567890.12 } });
  });
});
