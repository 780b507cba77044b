/**
 * The semantic field matcher: for each source field, evidence for every canonical target of the entity (lexical,
 * values, retrieval, the tenant's memory), one-to-one assignment over the whole object, calibrated confidence,
 * and an optional rerank of the fields left uncertain.
 */
import { assignTargets } from "./assign";
import { autoApplies, extrasConfidence, NULL_FLOOR, targetConfidence } from "./calibrate";
import { entityWordIndex, preparedTargets } from "./knowledge";
import type { Match, MatcherDeps, Matcher, MatchRequest } from "./ports";
import { rerankUncertain } from "./rerank-uncertain";
import { createRetriever, type MemoryHit } from "./retrieval";
import { lexicalScores, valueFit, viewField } from "./score";

/** Values that contradict a target (a datetime for `currency`) cost this share of the score. */
const CONTRADICTION = 0.45;
const EMBEDDING_WEIGHT = 0.12;

function combine(lexical: number, fit: number, similarity: number): number {
  const raw = lexical * (0.85 + 0.15 * fit) + EMBEDDING_WEIGHT * Math.max(0, similarity) * Math.max(lexical, 0.25);
  return fit <= -0.5 ? raw * CONTRADICTION : raw;
}

/** The tenant's past decisions: an accepted pair rises towards 1, a rejected one (or accepted extras) sinks. */
function applyMemory(scores: number[], targets: readonly string[], hits: readonly MemoryHit[]): void {
  for (const hit of hits) {
    const position = hit.target === null ? -1 : targets.indexOf(hit.target);
    if (hit.verdict === "accepted" && position >= 0) scores[position] = (scores[position] ?? 0) + hit.strength * (1 - (scores[position] ?? 0));
    if (hit.verdict === "accepted" && hit.target === null) scores.forEach((score, index) => (scores[index] = score * (1 - 0.8 * hit.strength)));
    if (hit.verdict === "rejected" && position >= 0) scores[position] = (scores[position] ?? 0) * (1 - 0.85 * hit.strength);
  }
}

export function createMatcher(deps: MatcherDeps): Matcher {
  const retrieve = createRetriever(deps);
  return async function match(request: MatchRequest) {
    const known = preparedTargets(request.entity);
    const targets = known.map((target) => target.target);
    const views = request.fields.map(viewField);
    const retrieval = await retrieve(request.entity, request.system, views.map((view) => view.document));
    const words = entityWordIndex(request.entity);
    const scores = views.map((view, row) => {
      const lexical = lexicalScores(view, known, words);
      const scored = known.map((target, column) => combine(lexical[column] ?? 0, valueFit(view.evidence, target), retrieval.canonical[row]?.get(target.target) ?? 0));
      applyMemory(scored, targets, retrieval.memory[row] ?? []);
      return scored;
    });
    const assigned = assignTargets(scores, NULL_FLOOR);
    const matches = views.map((view, row): Match => {
      const rowScores = scores[row] ?? [];
      const ranked = rowScores.map((score, index) => ({ target: targets[index] ?? null, score })).sort((a, b) => b.score - a.score);
      const best = ranked[0]?.score ?? 0;
      const chosen = assigned[row] ?? null;
      const options = [
        ...ranked.map((option) => ({ target: option.target, confidence: targetConfidence(option.score, option.score - Math.max(NULL_FLOOR, ...ranked.filter((other) => other !== option).map((other) => other.score))) })),
        { target: null, confidence: extrasConfidence(best) },
      ];
      const chosenScore = chosen === null ? 0 : (rowScores[chosen] ?? 0);
      const runnerUp = Math.max(NULL_FLOOR, ...rowScores.filter((_, index) => index !== chosen));
      const confidence = chosen === null ? extrasConfidence(best) : targetConfidence(chosenScore, chosenScore - runnerUp);
      const target = chosen === null ? null : (targets[chosen] ?? null);
      return {
        field: view.field.name,
        target,
        confidence,
        auto_apply: autoApplies(confidence, deps.threshold),
        alternatives: options
          .filter((option) => option.target !== target)
          .sort((a, b) => b.confidence - a.confidence)
          .slice(0, 5),
      };
    });
    return { matches: deps.reranker === undefined ? matches : await rerankUncertain(deps.reranker, request, matches, deps.threshold) };
  };
}
