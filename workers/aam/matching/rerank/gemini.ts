/**
 * The optional Reranker: Gemini (through @google/genai) picks among the matcher's top candidates for the fields
 * the matcher is unsure of. It is a second opinion, never a dependency: a failure, a timeout or an answer that does
 * not fit the question falls back to no rerank (logged), and it can only choose a target the matcher proposed.
 * It sends exactly the fields it is given: the matcher (rerank-uncertain.ts) passes only those below auto-apply.
 */
import { Type, type Schema } from "@google/genai";
import { z } from "@hono/zod-openapi";
import { DEFAULT_GEMINI_MODEL, geminiClient, type GeminiClientOptions } from "../../../platform/gemini";
import { errorFields, type Logger } from "../../../platform/log";
import type { Reranker } from "../ports";

export { DEFAULT_GEMINI_MODEL };
/** The match API is interactive: past this, the matcher's own ranking stands. */
const TIMEOUT_MS = 5000;
/** Enough of each field's values to tell formats apart, without sending a record's worth of data. */
const MAX_SAMPLES = 5;
const MAX_SAMPLE_CHARS = 80;

export interface GeminiRerankerOptions {
  apiKey: string;
  model?: string;
  log: Logger;
  /** where the Gemini API is (tests point it at a recorded-response endpoint) */
  http?: GeminiClientOptions["http"];
}

const responseSchema: Schema = {
  type: Type.ARRAY,
  items: {
    type: Type.OBJECT,
    properties: {
      field: { type: Type.STRING, description: "the source field's name, exactly as given" },
      target: { type: Type.STRING, nullable: true, description: "one of the field's candidate targets, or null to keep it in extras" },
      confidence: { type: Type.NUMBER, description: "probability (0 to 1) that the target is right" },
    },
    required: ["field", "target", "confidence"],
    propertyOrdering: ["field", "target", "confidence"],
  },
};

const AnswerSchema = z.array(z.object({ field: z.string(), target: z.string().nullable(), confidence: z.number().min(0).max(1) }));

type RerankRequest = Parameters<Reranker["rerank"]>[0];

const sample = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "null").slice(0, MAX_SAMPLE_CHARS);

function prompt(entity: RerankRequest["entity"], fields: RerankRequest["fields"]): string {
  const question = fields.map(({ field, candidates }) => ({
    field: field.name,
    label: field.label ?? null,
    type: field.type ?? null,
    samples: (field.samples ?? []).slice(0, MAX_SAMPLES).map(sample),
    candidates: candidates.map((c) => c.target),
  }));
  return (
    `You map fields of a source system onto the canonical "${entity}" entity of a data platform. For each source ` +
    `field below, choose the canonical field it holds from its candidates (null: none of them, keep it as an extra) ` +
    `and say how likely your choice is right. Answer every field once, with its name exactly as given.\n` +
    JSON.stringify(question)
  );
}

export function geminiReranker(options: GeminiRerankerOptions): Reranker {
  const model = options.model ?? DEFAULT_GEMINI_MODEL;
  const ai = geminiClient({ apiKey: options.apiKey, timeoutMs: TIMEOUT_MS, http: options.http });
  const log = options.log.child({ component: "gemini-reranker", model });

  return {
    async rerank({ entity, fields }) {
      if (fields.length === 0) return [];
      const allowed = new Map(fields.map(({ field, candidates }) => [field.name, new Set(candidates.map((c) => c.target))]));
      try {
        const response = await ai.models.generateContent({
          model,
          contents: prompt(entity, fields),
          config: { responseMimeType: "application/json", responseSchema, temperature: 0 },
        });
        const parsed = AnswerSchema.safeParse(JSON.parse(response.text ?? "null"));
        if (!parsed.success) {
          log.warn("gemini rerank answer does not fit the schema; keeping the matcher's ranking", { issues: parsed.error.issues.length });
          return [];
        }
        // an answer about a field not asked, a target not proposed or a field answered twice is ignored, not trusted
        const answered = new Set<string>();
        return parsed.data.filter((answer) => {
          if (answered.has(answer.field) || allowed.get(answer.field)?.has(answer.target) !== true) return false;
          answered.add(answer.field);
          return true;
        });
      } catch (err) {
        // the SDK's errors carry the status and message, never the request headers, so the key is not in them
        log.warn("gemini rerank failed; keeping the matcher's ranking", { ...errorFields(err), stack: undefined });
        return [];
      }
    },
  };
}
