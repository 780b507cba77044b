import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listMemory, memoryNamespace, remember } from "../../../../workers/aam/matching/memory-store";
import { schema } from "../../../../workers/platform/db";
import { fakeVectors, tenantScope } from "./helpers";

const revenue = { system: "salesforce", entity: "account" as const, field_name: "Annual_Revenue__c", field_label: "Annual Revenue", target: "annual_revenue", verdict: "accepted" as const };

describe("matching memory", () => {
  it("lists what was remembered, by entity and optionally by system", async () => {
    const scope = await tenantScope();
    const email = { system: "supabase", entity: "contact" as const, field_name: "mail", field_label: null, target: "email", verdict: "accepted" as const };
    const region = { ...revenue, field_name: "Region__c", field_label: null, target: null };
    await remember(scope, [revenue, email, region]);
    expect(await listMemory(scope, "account")).toEqual(expect.arrayContaining([revenue, region]));
    expect(await listMemory(scope, "account")).toHaveLength(2);
    expect(await listMemory(scope, "contact", "supabase")).toEqual([email]);
    expect(await listMemory(scope, "contact", "salesforce")).toEqual([]);
  });

  it("keeps one row per pair: the latest verdict wins", async () => {
    const scope = await tenantScope();
    await remember(scope, [{ ...revenue, repair_id: "rep_1" }]);
    await remember(scope, [{ ...revenue, verdict: "rejected", repair_id: "rep_2" }]);
    expect(await listMemory(scope, "account")).toEqual([{ ...revenue, verdict: "rejected" }]);
    const rows = await scope.select(schema.matchMemory);
    expect(rows.map((r) => r.repairId)).toEqual(["rep_2"]);
  });

  it("keeps the last of a pair repeated in one call, and other targets of the same field apart", async () => {
    const scope = await tenantScope();
    await remember(scope, [revenue, { ...revenue, verdict: "rejected" }, { ...revenue, target: "employee_count", verdict: "rejected" }]);
    const listed = await listMemory(scope, "account");
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(expect.arrayContaining([{ ...revenue, verdict: "rejected" }, { ...revenue, target: "employee_count", verdict: "rejected" }]));
  });

  it("does nothing for no entries", async () => {
    const scope = await tenantScope();
    await remember(scope, []);
    expect(await env.DB.prepare("select count(*) as n from match_memory where tenant_id = ?").bind(scope.tenantId).first("n")).toBe(0);
  });

  it("also embeds each decision into the tenant's namespace of a configured vector index", async () => {
    const scope = await tenantScope();
    const vectors = fakeVectors();
    await remember(scope, [revenue, { ...revenue, field_name: "Region__c", field_label: null, target: null, verdict: "rejected" }], vectors);
    const [query] = await vectors.embedder.embed(["Annual_Revenue__c Annual Revenue"]);
    const hits = await vectors.index.query(memoryNamespace(scope.tenantId), query!, { topK: 5 });
    expect(hits).toHaveLength(2);
    const [row] = await scope.select(schema.matchMemory, eq(schema.matchMemory.fieldName, "Annual_Revenue__c"));
    expect(hits[0]).toEqual({
      id: row!.id,
      score: expect.any(Number),
      metadata: { entity: "account", system: "salesforce", field_name: "Annual_Revenue__c", field_label: "Annual Revenue", target: "annual_revenue", verdict: "accepted", model: "@cf/baai/bge-base-en-v1.5" },
    });
    expect(hits[1]!.metadata).toMatchObject({ field_name: "Region__c", verdict: "rejected" });
    expect(hits[1]!.metadata).not.toHaveProperty("target");
  });
});
