/**
 * The optional second opinion: only fields whose confidence falls short of auto-apply (and is not hopeless) go to
 * the reranker, with their top candidates. Agreement raises confidence; a confident disagreement switches the
 * field to the reranker's pick when that target is not already taken by another field. Never required: a failing
 * reranker leaves the offline answer as it was.
 */
import { autoApplies } from "./calibrate";
import type { Match, MatchRequest, Reranker } from "./ports";

/** Below this the offline answer is too unsure to be worth a second opinion's cost: the field stays for review. */
const WORTH_ASKING = 0.3;
const SWITCH_CONFIDENCE = 0.8;

export async function rerankUncertain(reranker: Reranker, request: MatchRequest, matches: Match[], threshold: number): Promise<Match[]> {
  const uncertain = matches.flatMap((match, index) => (match.confidence >= WORTH_ASKING && match.confidence < threshold ? [index] : []));
  if (uncertain.length === 0) return matches;
  let opinions: Awaited<ReturnType<Reranker["rerank"]>>;
  try {
    opinions = await reranker.rerank({
      entity: request.entity,
      fields: uncertain.map((index) => ({
        field: request.fields[index] ?? { name: matches[index]?.field ?? "" },
        candidates: [{ target: matches[index]?.target ?? null, confidence: matches[index]?.confidence ?? 0 }, ...(matches[index]?.alternatives.slice(0, 3) ?? [])],
      })),
    });
  } catch {
    return matches;
  }
  const taken = new Set(matches.flatMap((match) => (match.target === null ? [] : [match.target])));
  const result = [...matches];
  for (const index of uncertain) {
    const match = result[index];
    const opinion = opinions.find((candidate) => candidate.field === match?.field);
    if (match === undefined || opinion === undefined) continue;
    if (opinion.target === match.target) {
      const confidence = Math.max(match.confidence, (match.confidence + opinion.confidence) / 2);
      result[index] = { ...match, confidence, auto_apply: autoApplies(confidence, threshold) };
      continue;
    }
    const alternative = match.alternatives.find((candidate) => candidate.target === opinion.target);
    if (alternative === undefined || opinion.confidence < SWITCH_CONFIDENCE || (opinion.target !== null && taken.has(opinion.target))) continue;
    const confidence = (alternative.confidence + opinion.confidence) / 2;
    if (match.target !== null) taken.delete(match.target);
    if (opinion.target !== null) taken.add(opinion.target);
    result[index] = {
      ...match,
      target: opinion.target,
      confidence,
      auto_apply: autoApplies(confidence, threshold),
      alternatives: [{ target: match.target, confidence: match.confidence }, ...match.alternatives.filter((candidate) => candidate !== alternative)].slice(0, 5),
    };
  }
  return result;
}
