import { describe, expect, it } from "vitest";
import { DEFAULT_GEMINI_MODEL, geminiReranker } from "../../../../../workers/aam/matching/rerank/gemini";
import { createLogger } from "../../../../../workers/platform/log";
import { accountFields, fakeGemini } from "./helpers";

describe("Gemini reranker", () => {
  it("returns the recorded answer's choices that are among each field's candidates", async () => {
    const gemini = fakeGemini("recorded-ok");
    expect(await gemini.reranker.rerank(accountFields)).toEqual([
      { field: "AnnRev", target: "annual_revenue", confidence: 0.94 },
      { field: "Phone_Nbr", target: "phone", confidence: 0.88 },
    ]);
  });

  it("asks the configured model for JSON in a schema, with each field and its candidates", async () => {
    const gemini = fakeGemini("recorded-ok");
    await gemini.reranker.rerank(accountFields);
    const [request, ...more] = await gemini.requests();
    expect(more).toEqual([]);
    expect(request!.path).toMatch(/^\/v1(beta)?\/models\/recorded-ok:generateContent$/);
    const body = JSON.parse(request!.body) as { contents: { parts: { text: string }[] }[]; generationConfig: Record<string, unknown> };
    expect(body.generationConfig).toMatchObject({ responseMimeType: "application/json", responseSchema: { type: "ARRAY" } });
    const text = body.contents[0]!.parts[0]!.text;
    const question = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { field: string; candidates: unknown[]; samples: string[] }[];
    expect(question.map((q) => q.field)).toEqual(["AnnRev", "Phone_Nbr", "Name", "Region__c"]);
    expect(question[0]).toMatchObject({ candidates: ["annual_revenue", "name"], samples: ["1250000", "98000"] });
    expect(question[3]!.candidates).toEqual([null, "billing_country"]);
  });

  it("makes no call for no fields", async () => {
    const gemini = fakeGemini("recorded-ok");
    expect(await gemini.reranker.rerank({ entity: "account", fields: [] })).toEqual([]);
    expect(await gemini.requests()).toEqual([]);
  });

  it("defaults to a Flash model", () => {
    expect(DEFAULT_GEMINI_MODEL).toMatch(/^gemini-[\d.]+-flash$/);
    expect(() => geminiReranker({ apiKey: "k", log: createLogger({}, "info") })).not.toThrow();
  });
});
