/**
 * A run's short narrative summary. The deterministic narrator writes it from the run's numbers and top findings;
 * with GEMINI_API_KEY set, Gemini writes it from the same material, and any failure, timeout or empty answer falls
 * back to the deterministic text (logged): a summary is a nicety, never a reason for a run to fail.
 */
import type { Env } from "../../env";
import { DEFAULT_GEMINI_MODEL, geminiClient, type GeminiClientOptions } from "../../platform/gemini";
import { errorFields, type Logger } from "../../platform/log";
import type { FindingDraft } from "./finding";
import type { Pilot } from "./pilot";

export interface NarrativeInput {
  agent: Pick<Pilot, "name" | "title">;
  facts: Record<string, string | number>;
  findings: FindingDraft[];
  counts: { findings: number; new: number; resolved: number; actions: number };
}

export interface Narrative {
  text: string;
  source: "gemini" | "text";
}

export interface Narrator {
  narrate(input: NarrativeInput): Promise<Narrative>;
}

/** Past this the run finishes with the deterministic text. */
const TIMEOUT_MS = 8000;
const TOP_FINDINGS = 3;
/** What Gemini is shown: enough findings to pick the story from, not the whole run. */
const PROMPT_FINDINGS = 10;

const SEVERITY_RANK: Record<FindingDraft["severity"], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Most severe first; the pilot's own order breaks ties (Array.sort is stable). */
const bySeverity = (findings: FindingDraft[]) => [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

const number = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? "" : "s"}`;

function severityBreakdown(findings: FindingDraft[]): string {
  const parts = (["high", "medium", "low", "info"] as const).flatMap((severity) => {
    const n = findings.filter((f) => f.severity === severity).length;
    return n === 0 ? [] : [`${n} ${severity}`];
  });
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

export function deterministicText({ agent, facts, findings, counts }: NarrativeInput): string {
  const sentences = [
    `${agent.title}: ${plural(counts.findings, "finding")}${severityBreakdown(findings)}, ${number(counts.new)} new, ` +
      `${number(counts.resolved)} resolved; ${plural(counts.actions, "action")} submitted.`,
  ];
  const factText = Object.entries(facts).map(([key, value]) => `${key.replaceAll("_", " ")} ${typeof value === "number" ? number(value) : value}`);
  if (factText.length > 0) sentences.push(`${factText.join("; ")}.`);
  const top = bySeverity(findings).slice(0, TOP_FINDINGS);
  if (top.length > 0) sentences.push(`Top: ${top.map((f) => `${f.title} [${f.severity}]`).join("; ")}.`);
  return sentences.join(" ");
}

export const deterministicNarrator: Narrator = {
  narrate: async (input) => ({ text: deterministicText(input), source: "text" }),
};

function prompt(input: NarrativeInput): string {
  const material = {
    agent: input.agent.title,
    counts: input.counts,
    facts: input.facts,
    top_findings: bySeverity(input.findings)
      .slice(0, PROMPT_FINDINGS)
      .map((f) => ({ severity: f.severity, title: f.title, metrics: f.metrics })),
  };
  return (
    "You write the summary of an automated business agent's run for the people who act on it. In two to four plain " +
    "sentences (no markdown, no lists), say what matters most and why, citing the specific numbers and names below; " +
    "use only these numbers, invent none.\n" +
    JSON.stringify(material)
  );
}

export interface GeminiNarratorOptions {
  apiKey: string;
  model?: string | undefined;
  log: Logger;
  http?: GeminiClientOptions["http"];
}

export function geminiNarrator(options: GeminiNarratorOptions): Narrator {
  const model = options.model ?? DEFAULT_GEMINI_MODEL;
  const ai = geminiClient({ apiKey: options.apiKey, timeoutMs: TIMEOUT_MS, http: options.http });
  const log = options.log.child({ component: "gemini-narrator", model });
  return {
    async narrate(input) {
      try {
        const response = await ai.models.generateContent({ model, contents: prompt(input), config: { temperature: 0.2, maxOutputTokens: 400 } });
        const text = response.text?.trim() ?? "";
        if (text !== "") return { text, source: "gemini" };
        log.warn("gemini narrative was empty; using the deterministic summary");
      } catch (err) {
        // the SDK's errors carry the status and message, never the request headers, so the key is not in them
        log.warn("gemini narrative failed; using the deterministic summary", { ...errorFields(err), stack: undefined });
      }
      return deterministicNarrator.narrate(input);
    },
  };
}

/** Gemini when a key is configured, else the deterministic text. */
export function narratorFor(env: Pick<Env, "GEMINI_API_KEY" | "GEMINI_MODEL">, log: Logger, http?: GeminiClientOptions["http"]): Narrator {
  if (env.GEMINI_API_KEY === undefined) return deterministicNarrator;
  return geminiNarrator({ apiKey: env.GEMINI_API_KEY, model: env.GEMINI_MODEL, log, http });
}
