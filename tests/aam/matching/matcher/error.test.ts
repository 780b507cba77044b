import { describe, expect, it } from "vitest";
import type { Reranker } from "../../../../workers/aam/matching/ports";
import { offlineMatcher, targets } from "./helpers";

// a field the offline matcher finds plausible but not sure: below the default threshold, above "hopeless"
const uncertain = { entity: "opportunity" as const, fields: [{ name: "stage_label" }, { name: "amount", samples: ["100.00"] }] };

describe("degenerate input and a failing reranker", () => {
  it("keeps fields with no usable name or samples in extras, with confidence", async () => {
    const { matches } = await offlineMatcher()({
      entity: "account",
      fields: [{ name: "___" }, { name: "x", samples: [null, "", "null"] }, { name: "zzqv_1", label: "", type: "" }],
    });
    expect(matches.map((match) => match.target)).toEqual([null, null, null]);
    for (const match of matches) expect(match.confidence).toBeGreaterThan(0.5);
  });

  it("answers offline when the reranker throws", async () => {
    const failing: Reranker = { rerank: async () => Promise.reject(new Error("quota exceeded")) };
    const offline = await offlineMatcher()(uncertain);
    expect(offline.matches[0]!.confidence).toBeLessThan(0.9);
    expect(await offlineMatcher({ reranker: failing })(uncertain)).toEqual(offline);
  });

  it("asks the reranker only about uncertain fields, and follows a confident pick", async () => {
    const asked: string[] = [];
    const reranker: Reranker = {
      rerank: async ({ fields }) => {
        asked.push(...fields.map((field) => field.field.name));
        return fields.map((field) => ({ field: field.field.name, target: null, confidence: 0.95 }));
      },
    };
    const offline = await offlineMatcher()(uncertain);
    expect(targets(offline)).toEqual({ stage_label: "stage", amount: "amount" });
    const reranked = await offlineMatcher({ reranker })(uncertain);
    expect(asked).toEqual(["stage_label"]);
    expect(targets(reranked)).toEqual({ stage_label: null, amount: "amount" });
    expect(reranked.matches[0]?.alternatives[0]).toEqual({ target: "stage", confidence: offline.matches[0]?.confidence });
  });
});
