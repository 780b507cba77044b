/**
 * The demo Supabase project's rows for tests/setup/supabase/schema.sql's tables: companies 7–40 by their short names
 * and bare domains, with their deals and people. Ids are fixed, so every run has the same records. `supabaseRows`
 * is the data (column → value), `supabaseSql` the inserts that load it.
 */
import { COMPANIES, type Company, emailOf, peopleAndDeals, stamp } from "./companies";

const SEED = 2;
const FIRST = 6;
export const SUPABASE_COMPANIES = COMPANIES.slice(FIRST);

const uuid = (kind: number, n: number) => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, "0")}`;
const STAGES = { early: "prospecting", late: "negotiation", won: "closed", lost: "closed" } as const;

type Value = string | number | boolean | null;
export type SupabaseRow = Record<string, Value>;

export function supabaseRows(): Record<"companies" | "deals" | "people", SupabaseRow[]> {
  const rows = { companies: [] as SupabaseRow[], deals: [] as SupabaseRow[], people: [] as SupabaseRow[] };
  SUPABASE_COMPANIES.forEach((company: Company, offset) => {
    const index = FIRST + offset;
    const id = uuid(1, index + 1);
    const updated_at = stamp(index, 30).toISOString();
    rows.companies.push({
      id,
      name: company.short,
      domain: company.domain,
      industry: company.industry.toLowerCase(),
      employees: company.employees,
      annual_revenue: company.revenue,
      created_at: "2024-02-01T10:00:00Z",
      updated_at,
    });
    const generated = peopleAndDeals(index, SEED);
    generated.deals.forEach((deal, n) =>
      rows.deals.push({
        id: (index + 1) * 10 + n,
        company_id: id,
        name: deal.title,
        amount: deal.amount,
        stage: STAGES[deal.phase],
        close_date: deal.closeDate,
        is_won: deal.phase === "won",
        updated_at,
      }),
    );
    generated.people.forEach((person, n) =>
      rows.people.push({
        id: uuid(2, (index + 1) * 10 + n),
        company_id: id,
        first_name: person.first,
        last_name: person.last,
        email: emailOf(person, company),
        updated_at,
      }),
    );
  });
  return rows;
}

/** A SQL literal: text quoted with quotes doubled, numbers and booleans as they are, null as NULL. */
function literal(value: Value): string {
  if (value === null) return "null";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

/** One insert per table, columns as the rows name them; deals' identity ids are the generated ones. */
export function supabaseSql(): string {
  return Object.entries(supabaseRows())
    .map(([table, rows]) => {
      const columns = Object.keys(rows[0] as SupabaseRow);
      const values = rows.map((row) => `(${columns.map((column) => literal(row[column] as Value)).join(", ")})`);
      const overriding = table === "deals" ? " overriding system value" : "";
      return `insert into ${table} (${columns.join(", ")})${overriding} values\n${values.join(",\n")};`;
    })
    .join("\n\n");
}
