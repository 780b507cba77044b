/** Repair test helpers: bundled documents by file, changes with defaults, and a stand-in Matcher with fixed verdicts. */
import { bundledMappings } from "../../../workers/aam/mapping/bundled";
import type { Matcher } from "../../../workers/aam/matching/ports";
import type { RepairChange } from "../../../workers/aam/repair/changes";

export const bundledText = (file: string): string => bundledMappings.find((m) => m.file === file)!.text;

export const change = (fields: Partial<RepairChange> & Pick<RepairChange, "target" | "action">): RepairChange => ({
  from: null,
  previous_from: null,
  confidence: 0.99,
  auto: true,
  reason: "test",
  ...fields,
});

/**
 * A deterministic Matcher: each source field gets the ranked (target, confidence) pairs listed for it (the first is
 * its pick, the rest alternatives); unlisted fields go to extras (null) with confidence 0.9.
 */
export function fixedMatcher(verdicts: Record<string, [string | null, number][]>, threshold = 0.9): Matcher {
  return async (request) => ({
    matches: request.fields.map((field) => {
      const ranked = verdicts[field.name] ?? [[null, 0.9]];
      const [target, confidence] = ranked[0]!;
      const alternatives = ranked.slice(1);
      return {
        field: field.name,
        target,
        confidence,
        auto_apply: confidence >= threshold,
        alternatives: alternatives.map(([t, c]) => ({ target: t, confidence: c })),
      };
    }),
  });
}
