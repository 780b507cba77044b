/**
 * The rules both drift detectors (records: detect.ts, discovery: detect-discovered.ts) apply, and the change they
 * build. A field counts as regularly carried in ≥ 90% of ≥ 20 records; below that an unmapped field's absence is
 * noise, not drift. An absence is not chance when a batch this size would miss a field with that share in under 1
 * of 1000 batches.
 */
import type { FieldType } from "../connectors/connector";
import type { MappedPaths } from "../mapping/mapped-paths";
import { presentCount } from "./observe";
import { isWithin } from "./field-path";
import type { DriftChange, ObservedField } from "./schemas";

const CHANCE = 0.001;
const MIN_HISTORY = 20;
const MIN_SHARE = 0.9;

export function regularlyCarried(field: ObservedField, records: number): boolean {
  return records >= MIN_HISTORY && presentCount(field) / records >= MIN_SHARE;
}

/** Whether `records` records all lacking a field that a share of records carries cannot be chance. */
export function absenceIsTelling(share: number, records: number): boolean {
  return (1 - Math.min(1, share)) ** records < CHANCE;
}

/** Whether any record ever carried the field (a shape may list fields only discovery saw). */
export function everCarried(field: ObservedField | undefined): boolean {
  return field !== undefined && presentCount(field) > 0;
}

/**
 * Removals for the mapped paths missing now that no record ever carried, where that costs a target: a required one
 * (no record maps without it: a renamed CSV column, a source that never had the field), or an optional one this
 * batch loses (its other coalesce alternative is gone too). An optional target's path the source never sent is no
 * change otherwise: its value was always null. A coalesce's only once none of its alternatives is there. Their
 * `from_type` is null: no value of theirs was ever seen. Paths already among the changes are skipped.
 */
export function missingMappedPaths(
  mapped: MappedPaths,
  missing: { absent: (path: string) => boolean; neverCarried: (path: string) => boolean },
  changes: readonly DriftChange[],
): DriftChange[] {
  const reported = new Set(changes.map((change) => change.path));
  return mapped.targets.flatMap(({ target, paths, lostWhen, required }) => {
    if (lostWhen === "all" && !paths.every(missing.absent)) return [];
    // an optional target matters only when this batch loses it: another of its paths was carried and is gone now
    if (!required && !paths.some((path) => reported.has(path))) return [];
    return paths
      .filter((path) => missing.neverCarried(path) && !reported.has(path))
      .map((path) => driftChange("removed", path, target, { from_type: null, samples: [] }));
  });
}

/** Paths the mapping deliberately leaves out (source metadata) concern nobody. */
export function notIgnored(changes: DriftChange[], mapped: MappedPaths | undefined): DriftChange[] {
  return mapped === undefined ? changes : changes.filter((change) => !mapped.ignored.some((path) => isWithin(change.path, path)));
}

/** Integer and number are one kind of value, date and datetime another; a field with no values has no kind yet. */
const KIND: Partial<Record<FieldType, FieldType>> = { integer: "number", date: "datetime" };

export function retyped(from: FieldType, to: FieldType): boolean {
  return from !== "null" && to !== "null" && (KIND[from] ?? from) !== (KIND[to] ?? to);
}

export function driftChange(
  kind: Exclude<DriftChange["kind"], "renamed">,
  path: string,
  target: string | null,
  detail: { from_type?: FieldType | null; to_type?: FieldType; samples: unknown[] },
): DriftChange {
  return { kind, path, to: null, from_type: detail.from_type ?? null, to_type: detail.to_type ?? null, target, samples: detail.samples.slice(0, 5) };
}
