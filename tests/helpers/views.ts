/**
 * DCL view rows written straight into the view tables (through forTenant), standing in for the materializer so the
 * query API can be tested on its own. Every field not given is null; the row ids are the caller's.
 */
import { env } from "cloudflare:test";
import { database, forTenant, schema } from "../../workers/platform/db";
import { bearer, signUp } from "./auth";

type Insert<T extends { $inferInsert: unknown }> = Omit<T["$inferInsert"], "tenantId">;

const base = (id: string) => ({ id, source_id: `src-${id}`, extras: {}, sources: [], lineage: [`evt-${id}`], lastSeq: 1 });

export async function insertAccounts(tenantId: string, rows: (Partial<Insert<typeof schema.materializedAccounts>> & { id: string; name: string })[]) {
  const scope = forTenant(database(env.DB), tenantId);
  for (const row of rows) await scope.insert(schema.materializedAccounts, { ...base(row.id), ...row });
}

export async function insertOpportunities(tenantId: string, rows: (Partial<Insert<typeof schema.materializedOpportunities>> & { id: string; name: string })[]) {
  const scope = forTenant(database(env.DB), tenantId);
  for (const row of rows) await scope.insert(schema.materializedOpportunities, { ...base(row.id), ...row });
}

export async function insertContacts(tenantId: string, rows: (Partial<Insert<typeof schema.materializedContacts>> & { id: string })[]) {
  const scope = forTenant(database(env.DB), tenantId);
  for (const row of rows) await scope.insert(schema.materializedContacts, { ...base(row.id), ...row });
}

/** A fresh tenant with a small account view: three live accounts and one tombstone. */
export async function tenantWithAccounts(prefix: string) {
  const caller = await signUp();
  await insertAccounts(caller.tenantId, [
    { id: `${prefix}-1`, name: "Acme Manufacturing", industry: "Manufacturing", annual_revenue: 5_000_000, currency: "EUR", employee_count: 120, website: "acme.example", extras: { tier: "gold" } },
    { id: `${prefix}-2`, name: "Globex", industry: "Manufacturing", annual_revenue: 750_000, currency: "EUR", employee_count: 30, website: null },
    { id: `${prefix}-3`, name: "Initech", industry: "Software", annual_revenue: null, employee_count: 8, website: "initech.example" },
    { id: `${prefix}-4`, name: "Gone Corp", industry: "Software", annual_revenue: 1_000, currency: "USD", deleted: true },
  ]);
  return { ...caller, auth: bearer(caller.accessToken) };
}

/** Counts of every view table across all tenants: proof that nothing was dropped or changed by an attack. */
export async function viewTableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["materialized_accounts", "materialized_opportunities", "materialized_contacts", "tenants", "users"]) {
    const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
    counts[table] = row!.n;
  }
  return counts;
}
