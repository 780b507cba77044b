import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { vectorizeIndex } from "../../../../../workers/aam/matching/index/vectorize";

const unit = (i: number) => Array.from({ length: 8 }, (_, j) => (j === i ? 1 : 0.05));
const namespace = () => `tenant-${crypto.randomUUID()}`;

describe("Vectorize index", () => {
  it("returns the nearest vectors first, with their metadata", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const ns = namespace();
    await index.upsert(ns, [
      { id: "m1", values: unit(0), metadata: { entity: "account", target: "annual_revenue", verdict: "accepted" } },
      { id: "m2", values: unit(1), metadata: { entity: "account", target: "phone", verdict: "accepted" } },
      { id: "m3", values: unit(2), metadata: { entity: "account", target: "website", verdict: "accepted" } },
    ]);
    const matches = await index.query(ns, unit(1), { topK: 2 });
    expect(matches.map((m) => m.id)).toEqual(["m2", expect.any(String)]);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
    expect(matches[0]!.metadata).toEqual({ entity: "account", target: "phone", verdict: "accepted" });
  });

  it("applies the metadata filter", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const ns = namespace();
    await index.upsert(ns, [
      { id: "a", values: unit(0), metadata: { entity: "account" } },
      { id: "c", values: unit(3), metadata: { entity: "contact" } },
    ]);
    const matches = await index.query(ns, unit(0), { topK: 5, filter: { entity: "contact" } });
    expect(matches.map((m) => m.id)).toEqual(["c"]);
  });

  it("replaces a vector upserted again under the same id", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const ns = namespace();
    await index.upsert(ns, [{ id: "x", values: unit(0), metadata: { verdict: "accepted" } }]);
    await index.upsert(ns, [{ id: "x", values: unit(0), metadata: { verdict: "rejected" } }]);
    const matches = await index.query(ns, unit(0), { topK: 5 });
    expect(matches).toEqual([{ id: "x", score: expect.any(Number), metadata: { verdict: "rejected" } }]);
  });

  it("leaves null metadata out (Vectorize has no null) and reads it back as absent", async () => {
    const index = vectorizeIndex(env.FAKE_VECTORIZE);
    const ns = namespace();
    await index.upsert(ns, [{ id: "n", values: unit(0), metadata: { target: null, label: "Revenue", primary: false, rank: 0 } }]);
    const [match] = await index.query(ns, unit(0), { topK: 1 });
    expect(match!.metadata).toEqual({ label: "Revenue", primary: false, rank: 0 });
  });
});
