/**
 * What changed between the stored shape of a source object and a batch's (observe.ts). Renames are not decided
 * here: a rename is a removed and an added path, which the repair planner pairs with the matcher.
 *
 * - added: a path no earlier record carried. The first observation is the baseline: nothing is "added" to it.
 * - removed: a path earlier records carried so regularly that a batch this size without it (the key absent, not
 *   merely null) cannot be chance (rules.ts). Sources that send every field (Salesforce, SQL tables, CSV columns)
 *   have a share of 1, so one record tells; a field in 30% of a collection's documents needs some 20 records
 *   without it. Unmapped paths must also have been regularly carried, so a young or sparse shape raises no noise.
 *   And a path the mapping reads that neither this batch nor any earlier record carried is removed from the first
 *   observation on: the mapping expects it (a coalesce only when all its alternatives are missing; discovery's
 *   sampled frequency, when given, stands in for the missing history). Such a path takes no value away
 *   (`from_type` null), so it breaks the mapping only for a required target (breaking.ts).
 * - retyped: the dominant type of the values changed kind (integer and number are one kind, date and datetime too).
 * Paths the mapping ignores (source metadata) are never reported.
 */
import type { DiscoveredField } from "../connectors/connector";
import type { MappingDocument } from "../mapping/format";
import { mappedPaths, targetOf } from "../mapping/mapped-paths";
import { discoveredPath } from "./field-path";
import { presentCount } from "./observe";
import { absenceIsTelling, driftChange, everCarried, missingMappedPaths, notIgnored, regularlyCarried, retyped } from "./rules";
import type { DriftChange, ObservedField } from "./schemas";

export interface DriftInput {
  /** the stored shape; undefined on the first observation */
  previous: readonly ObservedField[] | undefined;
  /** records the stored shape was observed from */
  previousRecords: number;
  batch: readonly ObservedField[];
  batchRecords: number;
  mapping: MappingDocument | undefined;
  /** the object's fields as the connector discovered them, if it did */
  discovered?: readonly DiscoveredField[];
}

export function detectDrift(input: DriftInput): DriftChange[] {
  if (input.batchRecords === 0) return [];
  const mapped = input.mapping === undefined ? undefined : mappedPaths(input.mapping);
  const targetFor = (path: string) => (mapped === undefined ? null : targetOf(mapped, path));
  const now = new Map(input.batch.map((field) => [field.path, field]));
  const before = new Map((input.previous ?? []).map((field) => [field.path, field]));
  const changes: DriftChange[] = [];

  // A shape only discovery wrote (no records yet) is no baseline for records.
  if (input.previous !== undefined && input.previousRecords > 0) {
    for (const field of input.batch) {
      const prior = before.get(field.path);
      if (prior === undefined) {
        changes.push(driftChange("added", field.path, targetFor(field.path), { to_type: field.type, samples: field.samples }));
      } else if (retyped(prior.type, field.type)) {
        changes.push(driftChange("retyped", field.path, targetFor(field.path), { from_type: prior.type, to_type: field.type, samples: field.samples }));
      }
    }
    for (const field of input.previous) {
      if (now.has(field.path)) continue;
      const target = targetFor(field.path);
      if (target === null && !regularlyCarried(field, input.previousRecords)) continue;
      if (absenceIsTelling(presentCount(field) / input.previousRecords, input.batchRecords)) {
        changes.push(driftChange("removed", field.path, target, { from_type: field.type, samples: field.samples }));
      }
    }
  }
  if (mapped !== undefined) {
    const known = new Set([...before.keys(), ...now.keys()]);
    const discoveredShare = new Map((input.discovered ?? []).map((field) => [discoveredPath(field.name, known), field.frequency ?? 1]));
    const absent = (path: string) => !now.has(path);
    const neverCarried = (path: string) =>
      absent(path) && !everCarried(before.get(path)) && absenceIsTelling(discoveredShare.get(path) ?? 1, input.batchRecords);
    changes.push(...missingMappedPaths(mapped, { absent, neverCarried }, changes));
  }
  return notIgnored(changes, mapped);
}
