import { describe, expect, it } from "vitest";
import { listMemory, memoryNamespace, remember } from "../../../../workers/aam/matching/memory-store";
import { schema } from "../../../../workers/platform/db";
import { fakeVectors, tenantScope } from "./helpers";

const entry = { system: "salesforce", entity: "account" as const, field_name: "Rev__c", field_label: null, target: "annual_revenue", verdict: "accepted" as const };

describe("matching memory, tenant isolation", () => {
  it("never lists or overwrites another tenant's decisions, even on the same pair", async () => {
    const [alice, bob] = [await tenantScope(), await tenantScope()];
    await remember(alice, [entry]);
    expect(await listMemory(bob, "account")).toEqual([]);
    await remember(bob, [{ ...entry, verdict: "rejected" }]);
    expect(await listMemory(alice, "account")).toEqual([entry]);
    expect(await listMemory(bob, "account")).toEqual([{ ...entry, verdict: "rejected" }]);
    const [aliceRow] = await alice.select(schema.matchMemory);
    const [bobRow] = await bob.select(schema.matchMemory);
    expect(aliceRow!.id).not.toBe(bobRow!.id);
  });

  it("keeps each tenant's vectors in its own namespace", async () => {
    const [alice, bob] = [await tenantScope(), await tenantScope()];
    const vectors = fakeVectors();
    await remember(alice, [entry], vectors);
    const [query] = await vectors.embedder.embed(["Rev__c"]);
    expect(await vectors.index.query(memoryNamespace(bob.tenantId), query!, { topK: 5 })).toEqual([]);
    expect(await vectors.index.query(memoryNamespace(alice.tenantId), query!, { topK: 5 })).toHaveLength(1);
  });
});
