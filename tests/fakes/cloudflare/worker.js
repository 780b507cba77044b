/**
 * Stand-ins for the bindings that have no local simulation (Workers AI, Vectorize) and for the Gemini API, bound
 * to the test worker under FAKE_* names (vitest.config.ts) so the production adapters run against them unchanged.
 * Responses follow the documented shapes: Workers AI text embeddings `{shape, data}`, Vectorize
 * `{count, matches:[{id, score, metadata}]}`, Gemini generateContent `{candidates:[{content:{parts:[{text}]}}]}`.
 * Plain JavaScript: Miniflare loads auxiliary workers as they are, without the test pool's TypeScript build.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

const EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";
const DIMENSIONS = 768;

/** A deterministic unit vector per text: equal texts embed equally, different ones differently. */
function embedding(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  const v = Array.from({ length: DIMENSIONS }, (_, i) => Math.sin(h * 0.0001 + i * 0.37) + (i === h % DIMENSIONS ? 4 : 0));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const aiBatches = [];

export class FakeAi extends WorkerEntrypoint {
  async run(model, inputs) {
    if (model !== EMBEDDING_MODEL) throw new Error(`AiError: unknown model ${model}`);
    const texts = Array.isArray(inputs.text) ? inputs.text : [inputs.text];
    if (texts.length > 100) throw new Error("AiError: too many inputs (max 100)");
    aiBatches.push(texts);
    if (texts.includes("__short_vectors__")) return { shape: [texts.length, 3], data: texts.map(() => [0.1, 0.2, 0.3]), pooling: "mean" };
    if (texts.includes("__no_data__")) return { request_id: "async-0001" };
    return { shape: [texts.length, DIMENSIONS], data: texts.map(embedding), pooling: "mean" };
  }
  /** the sizes of the batches whose texts all start with `prefix` (test files run at once share this fake) */
  batchSizes(prefix) {
    return aiBatches.filter((texts) => texts.every((t) => t.startsWith(prefix))).map((texts) => texts.length);
  }
}

const namespaces = new Map();

const cosine = (a, b) => a.reduce((sum, x, i) => sum + x * b[i], 0) / (Math.hypot(...a) * Math.hypot(...b));
const matchesFilter = (metadata, filter) =>
  Object.entries(filter ?? {}).every(([key, want]) => (typeof want === "object" && want !== null ? metadata[key] === want.$eq : metadata[key] === want));

export class FakeVectorize extends WorkerEntrypoint {
  async upsert(vectors) {
    for (const vector of vectors) {
      const ns = vector.namespace ?? "";
      if (!namespaces.has(ns)) namespaces.set(ns, new Map());
      namespaces.get(ns).set(vector.id, { id: vector.id, values: Array.from(vector.values), metadata: vector.metadata ?? {} });
    }
    return { mutationId: crypto.randomUUID() };
  }
  async query(vector, options = {}) {
    const stored = [...(namespaces.get(options.namespace ?? "")?.values() ?? [])];
    const matches = stored
      .filter((v) => matchesFilter(v.metadata, options.filter))
      .map((v) => ({ id: v.id, score: cosine(vector, v.values), ...(options.returnMetadata && options.returnMetadata !== "none" ? { metadata: v.metadata } : {}) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.topK ?? 5);
    return { count: matches.length, matches };
  }
}

/** Recorded Gemini answers, by the model name a test asks for. */
const geminiAnswers = {
  "recorded-ok": JSON.stringify([
    { field: "AnnRev", target: "annual_revenue", confidence: 0.94 },
    { field: "Phone_Nbr", target: "phone", confidence: 0.88 },
    { field: "Phone_Nbr", target: "website", confidence: 0.4 },
    { field: "NotAsked", target: "name", confidence: 0.99 },
    { field: "Region__c", target: "industry", confidence: 0.9 },
  ]),
  "recorded-prose": "Sure! AnnRev is the annual revenue and Phone_Nbr is the phone number.",
  "recorded-wrong-shape": JSON.stringify({ AnnRev: "annual_revenue", Phone_Nbr: "phone" }),
  "recorded-narrative": "  Two deals need attention this week: Acme renewal has slipped its close date twice. The weighted pipeline stands at 1.2M.\n",
  "recorded-empty": "   ",
};

const geminiRequests = new Map();

export class FakeGemini extends WorkerEntrypoint {
  async fetch(request) {
    const url = new URL(request.url);
    const model = /\/models\/([^/:]+):generateContent$/.exec(url.pathname)?.[1];
    const apiKey = request.headers.get("x-goog-api-key");
    geminiRequests.set(apiKey, [...(geminiRequests.get(apiKey) ?? []), { path: url.pathname, body: await request.text() }]);
    if (model === "recorded-unavailable") {
      return Response.json({ error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } }, { status: 503 });
    }
    const text = geminiAnswers[model];
    if (text === undefined) return Response.json({ error: { code: 404, message: `models/${model} is not found`, status: "NOT_FOUND" } }, { status: 404 });
    return Response.json({
      candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP", index: 0 }],
      usageMetadata: { promptTokenCount: 212, candidatesTokenCount: 61, totalTokenCount: 273 },
      modelVersion: model,
      responseId: "fake-response-0001",
    });
  }
  /** the requests sent with this API key, oldest first (each test uses its own key: test files share this fake) */
  requestsWithKey(apiKey) {
    return geminiRequests.get(apiKey) ?? [];
  }
}

export default { fetch: () => new Response("cloudflare fakes: bind an entrypoint", { status: 404 }) };
