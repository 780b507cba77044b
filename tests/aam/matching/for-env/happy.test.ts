import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../workers/aam/matching/calibrate";
import { matcherFor, memoryVectorsFor, rerankerFor } from "../../../../workers/aam/matching/for-env";
import { memoryNamespace, remember } from "../../../../workers/aam/matching/memory-store";
import { createLogger } from "../../../../workers/platform/log";
import { tenantScope } from "../memory-store/helpers";

const request = { entity: "account" as const, system: "salesforce", fields: [{ name: "Name", label: "Account Name" }, { name: "Kundensegment" }] };
const log = createLogger({}, "warn");

/** The Workers AI and Vectorize stand-ins, recording the texts embedded and the namespaces written and queried. */
function recordingBindings() {
  const embedded: string[] = [];
  const upserted: string[] = [];
  const queried: string[] = [];
  const AI = { run: (model: string, inputs: { text: string[] }) => (embedded.push(...inputs.text), env.FAKE_AI.run(model, inputs)) } as unknown as Ai;
  const VECTORIZE = {
    upsert: (vectors: VectorizeVector[]) => (upserted.push(...new Set(vectors.map((v) => v.namespace ?? ""))), env.FAKE_VECTORIZE.upsert(vectors)),
    query: (vector: number[], options: VectorizeQueryOptions) => (queried.push(options.namespace ?? ""), env.FAKE_VECTORIZE.query(vector, options)),
  } as unknown as VectorizeIndex;
  return { AI, VECTORIZE, embedded, upserted, queried };
}

describe("matcherFor", () => {
  it("runs offline without bindings, at the default threshold", async () => {
    const scope = await tenantScope();
    const { matcher, threshold } = await matcherFor({ LOG_LEVEL: "info" }, scope);
    expect(threshold).toBe(DEFAULT_AUTO_APPLY_THRESHOLD);
    const { matches } = await matcher(request);
    expect(matches[0]).toMatchObject({ field: "Name", target: "name" });
  });

  it("uses the tenant's threshold and memory", async () => {
    const scope = await tenantScope();
    await scope.updateTenant({ autoApplyThreshold: 0.6 });
    await remember(scope, [{ system: "salesforce", entity: "account", field_name: "Kundensegment", field_label: null, target: "industry", verdict: "accepted" }]);
    const { matcher, threshold } = await matcherFor({ LOG_LEVEL: "info" }, scope);
    expect(threshold).toBe(0.6);
    const { matches } = await matcher(request);
    expect(matches[1]).toMatchObject({ field: "Kundensegment", target: "industry" });
    for (const m of matches) expect(m.auto_apply).toBe(m.confidence >= 0.6);
  });

  it("embeds with Workers AI and retrieves the memory from the tenant's Vectorize namespace when both are bound", async () => {
    const scope = await tenantScope();
    const { AI, VECTORIZE, embedded, upserted, queried } = recordingBindings();
    expect(memoryVectorsFor({ AI, VECTORIZE })?.embedder.dimensions).toBe(768);
    const { matcher } = await matcherFor({ LOG_LEVEL: "info", AI, VECTORIZE }, scope);
    const { matches } = await matcher(request);
    expect(matches.map((m) => m.field)).toEqual(["Name", "Kundensegment"]);
    expect(matches[0]!.target).toBe("name");
    embedded.length = 0;
    await matcher(request);
    // the canonical targets are embedded once per isolate and compared in-process: a request embeds its fields only
    expect(embedded).toHaveLength(request.fields.length);
    expect(upserted).toEqual([]);
    expect(queried).toHaveLength(2 * request.fields.length);
    expect(new Set(queried)).toEqual(new Set([memoryNamespace(scope.tenantId)]));
  });

  it("maps a field as the tenant accepted it, once remember() has embedded the decision into Vectorize", async () => {
    const scope = await tenantScope();
    const { AI, VECTORIZE, upserted } = recordingBindings();
    const custom = { entity: "account" as const, system: "salesforce", fields: [{ name: "Name" }, { name: "Zq_Code_7__c" }] };
    const before = await (await matcherFor({ LOG_LEVEL: "info", AI, VECTORIZE }, scope)).matcher(custom);
    expect(before.matches[1]).toMatchObject({ field: "Zq_Code_7__c", target: null });
    await remember(scope, [{ system: "salesforce", entity: "account", field_name: "Zq_Code_7__c", field_label: null, target: "industry", verdict: "accepted" }], memoryVectorsFor({ AI, VECTORIZE }));
    expect(upserted).toEqual([memoryNamespace(scope.tenantId)]);
    const after = await (await matcherFor({ LOG_LEVEL: "info", AI, VECTORIZE }, scope)).matcher(custom);
    expect(after.matches[1]).toMatchObject({ field: "Zq_Code_7__c", target: "industry" });
    expect(upserted).toEqual([memoryNamespace(scope.tenantId)]);
  });

  it("keeps Vectorize out without the Workers AI embedder that fills it", () => {
    expect(memoryVectorsFor({ VECTORIZE: env.FAKE_VECTORIZE as unknown as VectorizeIndex })).toBeUndefined();
  });

  it("adds the Gemini rerank only with GEMINI_API_KEY, with the configured model", async () => {
    expect(rerankerFor({}, log)).toBeUndefined();
    const apiKey = `key-${crypto.randomUUID()}`;
    const reranker = rerankerFor({ GEMINI_API_KEY: apiKey, GEMINI_MODEL: "recorded-ok" }, log, { baseUrl: "https://gemini.test", fetch: (input, init) => env.FAKE_GEMINI.fetch(input, init) });
    const answer = await reranker!.rerank({ entity: "account", fields: [{ field: { name: "AnnRev" }, candidates: [{ target: "annual_revenue", confidence: 0.6 }] }] });
    expect(answer).toEqual([{ field: "AnnRev", target: "annual_revenue", confidence: 0.94 }]);
    expect((await env.FAKE_GEMINI.requestsWithKey(apiKey))[0]!.path).toMatch(/models\/recorded-ok:generateContent$/);
  });
});
