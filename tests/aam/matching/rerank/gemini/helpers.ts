/** A Gemini reranker pointed at the recorded-response stand-in (tests/fakes/cloudflare/worker.js), and its inputs. */
import { env } from "cloudflare:test";
import { geminiReranker } from "../../../../../workers/aam/matching/rerank/gemini";
import { createLogger } from "../../../../../workers/platform/log";

/** `model` picks the recorded answer; each reranker gets its own key, which the fake files its requests under. */
export function fakeGemini(model: string) {
  const apiKey = `test-key-${crypto.randomUUID()}`;
  const reranker = geminiReranker({
    apiKey,
    model,
    log: createLogger({}, "debug"),
    http: { baseUrl: "https://gemini.test", fetch: (input, init) => env.FAKE_GEMINI.fetch(input, init) },
  });
  return { reranker, apiKey, requests: () => env.FAKE_GEMINI.requestsWithKey(apiKey) };
}

export const accountFields = {
  entity: "account" as const,
  fields: [
    { field: { name: "AnnRev", label: "Ann. Rev.", type: "currency", samples: [1250000, 98000] }, candidates: [{ target: "annual_revenue", confidence: 0.6 }, { target: "name", confidence: 0.2 }] },
    { field: { name: "Phone_Nbr", samples: ["+1 415 555 0100"] }, candidates: [{ target: "phone", confidence: 0.55 }, { target: "website", confidence: 0.3 }] },
    { field: { name: "Name" }, candidates: [{ target: "name", confidence: 0.99 }] },
    { field: { name: "Region__c" }, candidates: [{ target: null, confidence: 0.5 }, { target: "billing_country", confidence: 0.4 }] },
  ],
};
