import { afterEach, describe, expect, it, vi } from "vitest";
import { accountFields, fakeGemini } from "./helpers";

afterEach(() => vi.restoreAllMocks());

/** the reranker's warnings, parsed */
function warnings() {
  const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => spy.mock.calls.map(([line]) => JSON.parse(String(line)) as { msg: string; model: string; error?: string });
}

describe("Gemini reranker, falling back to no rerank", () => {
  it("on an HTTP error from the API, logging it", async () => {
    const logged = warnings();
    const gemini = fakeGemini("recorded-unavailable");
    expect(await gemini.reranker.rerank(accountFields)).toEqual([]);
    expect(await gemini.requests()).toHaveLength(1); // not retried: the matcher's ranking stands instead
    expect(logged()).toEqual([expect.objectContaining({ msg: expect.stringMatching(/rerank failed/), model: "recorded-unavailable", error: expect.stringMatching(/overloaded/) })]);
  });

  it("on an answer that is not JSON", async () => {
    const logged = warnings();
    expect(await fakeGemini("recorded-prose").reranker.rerank(accountFields)).toEqual([]);
    expect(logged()).toEqual([expect.objectContaining({ msg: expect.stringMatching(/rerank failed/) })]);
  });

  it("on JSON that does not fit the schema", async () => {
    const logged = warnings();
    expect(await fakeGemini("recorded-wrong-shape").reranker.rerank(accountFields)).toEqual([]);
    expect(logged()).toEqual([expect.objectContaining({ msg: expect.stringMatching(/does not fit the schema/) })]);
  });

  it("on an unknown model (404)", async () => {
    const logged = warnings();
    expect(await fakeGemini("gemini-none").reranker.rerank(accountFields)).toEqual([]);
    expect(logged()[0]!.error).toMatch(/not found/);
  });
});
