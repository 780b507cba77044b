/**
 * The set-based statements must reach each row through an index: a plan that scans the tenant's table once per
 * JSON row (or the JSON once per table row) is quadratic, which made a 5,000-row relink commit take 35 s.
 * The statements' SQL is captured from a D1 wrapper and explained by the real D1 with the same bindings.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { schema } from "../../../../workers/platform/db";
import { jsonSets } from "../../../../workers/platform/db/json-sets";

const { dclLinkKeys, dclRecords, materializedAccounts } = schema;

/** jsonSets over a D1 that remembers each prepared statement's text. */
function capturing() {
  const texts: string[] = [];
  const d1 = { prepare: (text: string) => (texts.push(text), env.DB.prepare(text)) } as unknown as D1Database;
  return { sets: jsonSets(d1, "ten_plans"), texts };
}

async function planOf(text: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`explain query plan ${text}`).bind("ten_plans", "[]").all<{ detail: string }>();
  return results.map((row) => row.detail);
}

describe("json-sets statement plans", () => {
  const cases: [string, (sets: ReturnType<typeof jsonSets>) => unknown, string, string][] = [
    ["update", (sets) => sets.update(dclRecords, ["recordKey"], ["unifiedId"], [{ recordKey: "k", unifiedId: "u" }]), "dcl_records", "tenant_id=? AND record_key=?"],
    ["delete", (sets) => sets.delete(dclLinkKeys, ["linkKey", "recordKey"], [{ linkKey: "l", recordKey: "k" }]), "dcl_link_keys", "tenant_id=? AND link_key=? AND record_key=?"],
    ["delete by id", (sets) => sets.delete(materializedAccounts, ["id"], [{ id: "a" }]), "materialized_accounts", "tenant_id=? AND id=?"],
  ];

  for (const [name, build, table, key] of cases) {
    it(`${name} finds each row of ${table} by its whole key`, async () => {
      const { sets, texts } = capturing();
      build(sets);
      expect(texts).toHaveLength(1);
      const plan = await planOf(texts[0]!);
      // by the tenant alone would mean one pass over the tenant's rows per JSON row (or the reverse)
      expect(plan.filter((detail) => detail.startsWith(`SEARCH ${table} `) || detail.startsWith(`SCAN ${table}`))).toEqual([
        expect.stringContaining(`(${key})`),
      ]);
    });
  }

});
