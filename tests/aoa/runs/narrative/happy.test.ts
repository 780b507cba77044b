import { describe, expect, it } from "vitest";
import { deterministicNarrator, deterministicText, geminiNarrator, narratorFor } from "../../../../workers/aoa/runs/narrative";
import { createLogger } from "../../../../workers/platform/log";
import { fakeGeminiHttp, narrativeInput } from "../helpers";

describe("the deterministic narrator", () => {
  it("states the counts, the facts and the most severe findings first", async () => {
    expect(await deterministicNarrator.narrate(narrativeInput)).toEqual({
      source: "text",
      text:
        "RevOps pilot: 5 findings (2 high, 1 medium, 1 low, 1 info), 2 new, 1 resolved; 3 actions submitted. " +
        "open deals 42; weighted pipeline 1,234,567.89; top risk Acme renewal. " +
        "Top: Deal b is at risk [high]; Deal d is at risk [high]; Deal e is at risk [medium].",
    });
  });

  it("says so plainly when a run found nothing, without empty sections", () => {
    expect(deterministicText({ ...narrativeInput, facts: {}, findings: [], counts: { findings: 0, new: 0, resolved: 0, actions: 1 } })).toBe(
      "RevOps pilot: 0 findings, 0 new, 0 resolved; 1 action submitted.",
    );
  });
});

describe("the Gemini narrator", () => {
  it("returns the model's summary, trimmed, and sends it the run's material", async () => {
    const gemini = fakeGeminiHttp();
    const narrator = geminiNarrator({ apiKey: gemini.apiKey, model: "recorded-narrative", log: gemini.log, http: gemini.http });
    expect(await narrator.narrate(narrativeInput)).toEqual({
      source: "gemini",
      text: "Two deals need attention this week: Acme renewal has slipped its close date twice. The weighted pipeline stands at 1.2M.",
    });
    const [request, ...more] = await gemini.requests();
    expect(more).toEqual([]);
    expect(request!.path).toMatch(/^\/v1(beta)?\/models\/recorded-narrative:generateContent$/);
    const text = (JSON.parse(request!.body) as { contents: { parts: { text: string }[] }[] }).contents[0]!.parts[0]!.text;
    const material = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { agent: string; facts: unknown; top_findings: { title: string }[] };
    expect(material.agent).toBe("RevOps pilot");
    expect(material.facts).toEqual(narrativeInput.facts);
    expect(material.top_findings.map((f) => f.title).slice(0, 2)).toEqual(["Deal b is at risk", "Deal d is at risk"]);
  });

  it("is the deployment's narrator when GEMINI_API_KEY is set, the deterministic one otherwise", async () => {
    const log = createLogger({}, "debug");
    expect(narratorFor({}, log)).toBe(deterministicNarrator);
    const gemini = fakeGeminiHttp();
    const narrator = narratorFor({ GEMINI_API_KEY: gemini.apiKey, GEMINI_MODEL: "recorded-narrative" }, log, gemini.http);
    expect((await narrator.narrate(narrativeInput)).source).toBe("gemini");
    expect(await gemini.requests()).toHaveLength(1);
  });
});
