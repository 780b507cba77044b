import { describe, expect, it } from "vitest";
import { deterministicText, geminiNarrator } from "../../../../workers/aoa/runs/narrative";
import { fakeGeminiHttp, narrativeInput } from "../helpers";

/** Every Gemini failure leaves the deterministic summary, after exactly one attempt (no retry delays a run). */
describe("the Gemini narrator's fallback", () => {
  for (const [model, what] of [
    ["recorded-unavailable", "the API answers 503"],
    ["no-such-model", "the model does not exist (404)"],
    ["recorded-empty", "the answer is blank"],
  ] as const) {
    it(`falls back to the deterministic text when ${what}`, async () => {
      const gemini = fakeGeminiHttp();
      const narrator = geminiNarrator({ apiKey: gemini.apiKey, model, log: gemini.log, http: gemini.http });
      expect(await narrator.narrate(narrativeInput)).toEqual({ source: "text", text: deterministicText(narrativeInput) });
      expect(await gemini.requests()).toHaveLength(1);
    });
  }

  it("falls back when the API cannot be reached at all", async () => {
    const gemini = fakeGeminiHttp();
    const unreachable = { baseUrl: "https://gemini.test", fetch: async () => Promise.reject(new TypeError("fetch failed")) };
    const narrator = geminiNarrator({ apiKey: gemini.apiKey, model: "recorded-narrative", log: gemini.log, http: unreachable });
    expect(await narrator.narrate(narrativeInput)).toEqual({ source: "text", text: deterministicText(narrativeInput) });
  });
});
