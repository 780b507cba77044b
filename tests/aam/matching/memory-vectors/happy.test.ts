import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { vectorizeIndex } from "../../../../workers/aam/matching/index/vectorize";
import { decisionOf, memoryDocument, memoryVector } from "../../../../workers/aam/matching/memory-vectors";
import type { MemoryEntry } from "../../../../workers/aam/matching/ports";
import { viewField } from "../../../../workers/aam/matching/score";

const extras: MemoryEntry = { system: "salesforce", entity: "account", field_name: "Region__c", field_label: "Sales Region", target: null, verdict: "rejected" };

describe("memory vectors", () => {
  it("embeds a remembered field as the same text as a request field of that name and label", () => {
    for (const field of [{ name: "Zq_Code_7__c", label: null }, { name: "Annual_Revenue__c", label: "Annual Revenue" }]) {
      expect(memoryDocument({ field_name: field.name, field_label: field.label })).toBe(viewField(field).document);
    }
  });

  it("reads back the decision it stored, a null target through Vectorize included", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const namespace = `memory:test-${crypto.randomUUID()}`;
    const values = Array.from({ length: 768 }, (_, i) => (i === 0 ? 1 : 0));
    await index.upsert(namespace, [memoryVector("mem_1", extras, values, "some-model")]);
    const [hit] = await index.query(namespace, values, { topK: 1, filter: { entity: "account" } });
    expect(hit!.metadata).not.toHaveProperty("target");
    expect(decisionOf(hit!.metadata)).toEqual({ system: "salesforce", target: null, verdict: "rejected" });
  });

  it("ignores metadata it did not write", () => {
    expect(decisionOf({ system: "salesforce", target: "name", verdict: "maybe" })).toBeNull();
    expect(decisionOf({ target: "name", verdict: "accepted" })).toBeNull();
  });
});
