import { describe, expect, it } from "vitest";
import { offlineEmbedder } from "../../../../../workers/aam/matching/embeddings/offline";

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("offline embedder", () => {
  it("returns deterministic L2-normalised vectors of its declared size", async () => {
    const [first, again, empty] = await offlineEmbedder.embed(["Annual Revenue", "Annual Revenue", ""]);
    expect(first).toHaveLength(offlineEmbedder.dimensions);
    expect(first).toEqual(again);
    expect(dot(first!, first!)).toBeCloseTo(1, 6);
    expect(empty!.every((value) => value === 0)).toBe(true);
  });

  it("puts similar spellings closer than unrelated words", async () => {
    const [a, b, c] = await offlineEmbedder.embed(["Kundennummer", "Kunden Nr", "Lieferdatum"]);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
  });
});
