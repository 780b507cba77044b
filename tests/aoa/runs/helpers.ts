/** Material for the agents-plane tests: findings, a narrative input, and pilots whose results the test decides. */
import { env } from "cloudflare:test";
import type { ActionRequest } from "../../../workers/aoa/actions/types";
import type { FindingDraft } from "../../../workers/aoa/runs/finding";
import type { NarrativeInput } from "../../../workers/aoa/runs/narrative";
import type { Pilot, PilotContext, PilotResult } from "../../../workers/aoa/runs/pilot";
import { createLogger } from "../../../workers/platform/log";

export const T0 = new Date("2026-11-26T10:00:00.000Z");
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export const finding = (fingerprint: string, severity: FindingDraft["severity"] = "medium", metrics: Record<string, unknown> = {}): FindingDraft => ({
  kind: "deal_risk",
  severity,
  subject: { entity: "opportunity", id: `opp_${fingerprint}`, name: `Deal ${fingerprint}` },
  title: `Deal ${fingerprint} is at risk`,
  explanation: [{ factor: "close_date_slips", value: 2, effect: -12, detail: "The close date moved twice" }],
  metrics,
  fingerprint,
});

export const alert = (key: string): ActionRequest => ({
  type: "alert.create",
  target: { entity: "opportunity", id: `opp_${key}` },
  params: { severity: "high", title: `Deal ${key} is at risk`, body: "Its close date slipped twice.", recipient: null },
  reason: "deal risk",
  idempotency_key: key,
});

export const narrativeInput: NarrativeInput = {
  agent: { name: "revops", title: "RevOps pilot" },
  facts: { open_deals: 42, weighted_pipeline: 1234567.891, top_risk: "Acme renewal" },
  findings: [finding("a", "low"), finding("b", "high"), finding("c", "info"), finding("d", "high"), finding("e", "medium")],
  counts: { findings: 5, new: 2, resolved: 1, actions: 3 },
};

/** A pilot that returns what each call to `results` says (the last one repeats), and remembers its calls. */
export function scriptedPilot(results: (PilotResult | Error)[], name: Pilot["name"] = "revops") {
  const calls: PilotContext[] = [];
  const pilot: Pilot = {
    name,
    title: `${name} test pilot`,
    description: "returns what the test scripted",
    async run(ctx) {
      calls.push(ctx);
      const result = results[Math.min(calls.length - 1, results.length - 1)]!;
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { pilot, calls };
}

export const result = (findings: FindingDraft[], actions: ActionRequest[] = []): PilotResult => ({
  findings,
  actions,
  outputs: { forecast: { amount: 1000 } },
  facts: { open_deals: findings.length },
});

/** Routes the Gemini SDK to the recorded-response stand-in; each call gets its own key (the fake files requests by key). */
export function fakeGeminiHttp() {
  const apiKey = `test-key-${crypto.randomUUID()}`;
  const http = { baseUrl: "https://gemini.test", fetch: (input: RequestInfo | URL, init?: RequestInit) => env.FAKE_GEMINI.fetch(input, init) };
  return { apiKey, http, requests: () => env.FAKE_GEMINI.requestsWithKey(apiKey), log: createLogger({}, "debug") };
}
