/**
 * Drift → repair plan: what to change in the mapping in effect so the object's records map again. A mapped path
 * that disappeared is looked for among the fields that appeared (or were there unmapped): the matcher ranks them
 * for that very target, and the best one (each used once) is the rename. A path whose values changed shape gets
 * the transforms its new samples need. A target left with no candidate is unmapped when optional (its value is
 * null from now on) or left to a person when required (confidence 0). Each change is `auto` when its confidence
 * clears the tenant's threshold.
 */
import { autoApplies } from "../matching/calibrate";
import { stableJson } from "../../canonical/stable-json";
import type { EntityName, SourceSystem } from "../../canonical/names";
import type { DriftChange, ObservedField } from "../drift/schemas";
import type { MappingDocument } from "../mapping/format";
import { mappedPaths } from "../mapping/mapped-paths";
import type { MatchField, Matcher, MatchResponse } from "../matching/ports";
import type { RepairChange } from "./changes";
import { isRequiredTarget } from "./targets";
import { chooseTransforms, parsedShare, toSpec } from "./transform-choice";

/** Below this the matcher's confidence for a target is noise: the target is treated as having no candidate. */
export const CANDIDATE_FLOOR = 0.25;

export interface PlanInput {
  system: SourceSystem;
  /** the mapping in effect */
  document: MappingDocument;
  drift: DriftChange[];
  /** the object's fields as observed now */
  observed: ObservedField[];
  matcher: Matcher;
  threshold: number;
}

/** Every path the mapping reads or deliberately ignores, written as the observer writes observed fields. */
function readPaths(document: MappingDocument): Set<string> {
  const { targets, ignored } = mappedPaths(document);
  return new Set([...targets.flatMap((t) => t.paths), ...ignored]);
}

/** The fields a lost target may now come from: what appeared, and what was there but mapped to nothing. */
function candidateFields(input: PlanInput, removed: Set<string>): MatchField[] {
  const mapped = readPaths(input.document);
  const byPath = new Map<string, MatchField>();
  for (const change of input.drift) {
    const path = change.kind === "added" ? change.path : change.kind === "renamed" ? change.to : null;
    if (path !== null) byPath.set(path, { name: path, samples: change.samples });
  }
  for (const field of input.observed) {
    if (mapped.has(field.path) || removed.has(field.path)) continue;
    byPath.set(field.path, { name: field.path, label: field.label ?? null, type: field.type, samples: field.samples });
  }
  return [...byPath.values()];
}

/** The matcher's confidence that `field` is `target`: its pick or one of its alternatives. */
function confidenceFor(response: MatchResponse, field: string, target: string): number {
  const match = response.matches.find((m) => m.field === field);
  if (match === undefined) return 0;
  if (match.target === target) return match.confidence;
  return match.alternatives.find((a) => a.target === target)?.confidence ?? 0;
}

export async function planRepair(input: PlanInput): Promise<RepairChange[]> {
  const { document, threshold } = input;
  const entity = document.entity;
  const removed = new Set(input.drift.filter((c) => c.kind === "removed" || c.kind === "renamed").map((c) => c.path));
  const lost = lostTargets(document, input.drift, removed);
  const candidates = candidateFields(input, removed);
  const response: MatchResponse =
    lost.length === 0 || candidates.length === 0 ? { matches: [] } : await input.matcher({ entity, system: input.system, fields: candidates });

  // Greedy one-to-one: the most confident (target, field) pairs first.
  const pairs = lost
    .flatMap((l) => candidates.map((c) => ({ ...l, field: c.name, confidence: confidenceFor(response, c.name, l.target) })))
    .filter((p) => p.confidence >= CANDIDATE_FLOOR)
    .sort((a, b) => b.confidence - a.confidence);
  const taken = new Set<string>();
  const changes: RepairChange[] = [];
  for (const pair of pairs) {
    if (changes.some((c) => c.target === pair.target) || taken.has(pair.field)) continue;
    taken.add(pair.field);
    changes.push({
      target: pair.target,
      action: "map",
      from: pair.field,
      previous_from: pair.path,
      confidence: pair.confidence,
      auto: autoApplies(pair.confidence, threshold),
      reason: `"${pair.path}" renamed to "${pair.field}" (matched ${entity}.${pair.target})`,
    });
  }
  for (const l of lost) {
    if (changes.some((c) => c.target === l.target) || l.survives) continue;
    changes.push(unmatched(entity, l.target, l.path, threshold));
  }
  return [...changes, ...retransforms(document, input.drift, threshold)];
}

interface LostTarget {
  target: string;
  path: string;
  /** whether the field still has another source path that exists (a coalesce or concat part) */
  survives: boolean;
}

function lostTargets(document: MappingDocument, drift: DriftChange[], removed: Set<string>): LostTarget[] {
  const lost = new Map<string, LostTarget>();
  for (const change of drift) {
    if ((change.kind !== "removed" && change.kind !== "renamed") || change.target === null || lost.has(change.target)) continue;
    // a path the source never sent took no value away: only a required target needs a new source then
    if (change.from_type === null && !isRequiredTarget(document.entity, change.target)) continue;
    const paths = mappedPaths(document).targets.find((t) => t.target === change.target)?.paths ?? [];
    lost.set(change.target, { target: change.target, path: change.path, survives: paths.some((p) => !removed.has(p)) });
  }
  return [...lost.values()];
}

function unmatched(entity: EntityName, target: string, path: string, threshold: number): RepairChange {
  if (isRequiredTarget(entity, target)) {
    return {
      target,
      action: "map",
      from: null,
      previous_from: path,
      confidence: 0,
      auto: false,
      reason: `"${path}" disappeared and no field matches ${entity}.${target}, which is required: choose its new source`,
    };
  }
  // Certain by construction: the path is gone and nothing else matches; the target is null from now on.
  return { target, action: "unmap", from: null, previous_from: path, confidence: 1, auto: autoApplies(1, threshold), reason: `"${path}" disappeared and no field matches ${entity}.${target}: it becomes null` };
}

/** Mapped fields whose values changed shape: new transforms when the current ones fail the new samples. */
function retransforms(document: MappingDocument, drift: DriftChange[], threshold: number): RepairChange[] {
  return drift.flatMap((change): RepairChange[] => {
    if (change.kind !== "retyped" || change.target === null) return [];
    const spec = document.fields[change.target];
    if (spec?.from?.text !== change.path || parsedShare(spec.transforms, change.samples) === 1) return [];
    const transforms = chooseTransforms(document.entity, change.target, change.samples);
    if (stableJson(transforms.map(toSpec)) === stableJson(spec.transforms)) return [];
    const confidence = parsedShare(transforms.map(toSpec), change.samples);
    return [
      {
        target: change.target,
        action: "retransform",
        from: change.path,
        previous_from: change.path,
        transforms,
        confidence,
        auto: autoApplies(confidence, threshold),
        reason: `"${change.path}" now holds ${change.to_type ?? "other"} values (was ${change.from_type ?? "unknown"}): read them with ${transforms.map((t) => JSON.stringify(t)).join(", ")}`,
      },
    ];
  });
}
