import { afterEach, describe, expect, it, vi } from "vitest";
import { accountFields, fakeGemini } from "./helpers";

afterEach(() => vi.restoreAllMocks());

describe("Gemini reranker, secrets and data sent", () => {
  it("never writes the API key to a log line, even when the call fails", async () => {
    const lines: string[] = [];
    for (const level of ["log", "warn", "error", "debug"] as const) vi.spyOn(console, level).mockImplementation((line) => void lines.push(String(line)));
    for (const model of ["recorded-ok", "recorded-unavailable", "recorded-prose"]) {
      const gemini = fakeGemini(model);
      await gemini.reranker.rerank(accountFields);
      expect(await gemini.requests()).toHaveLength(1); // the key did reach the API…
      expect(lines.join("\n")).not.toContain(gemini.apiKey); // …and nowhere else
    }
    expect(lines.length).toBeGreaterThan(0);
  });

  it("sends a field's name, label, type and at most five samples of at most 80 characters, not its whole data", async () => {
    const gemini = fakeGemini("recorded-ok");
    const samples = Array.from({ length: 20 }, (_, i) => `${i}-${"x".repeat(200)}`);
    await gemini.reranker.rerank({ entity: "contact", fields: [{ field: { name: "Notes", samples }, candidates: [{ target: "email", confidence: 0.4 }] }] });
    const [request] = await gemini.requests();
    const text = (JSON.parse(request!.body) as { contents: { parts: { text: string }[] }[] }).contents[0]!.parts[0]!.text;
    const [question] = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { samples: string[] }[];
    expect(question!.samples).toEqual(samples.slice(0, 5).map((s) => s.slice(0, 80)));
    expect(request!.body).not.toContain(samples[5]!.slice(0, 10));
  });
});
