/**
 * Drift from discovery: the fields a connector's discover() lists for an object, against what it listed before
 * (kept in the stored shape as `discovered_type`). A field no longer listed is removed, a field never seen
 * is added, a listed type of another kind is retyped; the first listing is the baseline. Sampled discovery
 * (fields with a frequency: document stores) can miss a sparse field, so there a field counts as removed only
 * when records carried it in ≥ 90% of ≥ 20 records. Paths the mapping reads but discovery does not list and no
 * record carried are removed from the first listing on (a coalesce: when all its alternatives are).
 * `mergeDiscovery` then records the listing in the shape.
 */
import type { DiscoveredField } from "../connectors/connector";
import type { MappingDocument } from "../mapping/format";
import { mappedPaths, targetOf } from "../mapping/mapped-paths";
import { discoveredPath } from "./field-path";
import type { ObservedShape } from "./observe";
import { driftChange, everCarried, missingMappedPaths, notIgnored, regularlyCarried, retyped } from "./rules";
import type { DriftChange, ObservedField } from "./schemas";

export function detectDiscoveredDrift(
  shape: ObservedShape | undefined,
  discovered: readonly DiscoveredField[],
  mapping: MappingDocument | undefined,
): DriftChange[] {
  const fields = shape?.fields ?? [];
  const known = new Map(fields.map((field) => [field.path, field]));
  const listed = listing(discovered, new Set(known.keys()));
  const mapped = mapping === undefined ? undefined : mappedPaths(mapping);
  const targetFor = (path: string) => (mapped === undefined ? null : targetOf(mapped, path));
  const changes: DriftChange[] = [];

  const listedBefore = fields.filter((field) => field.discovered_type !== undefined);
  if (listedBefore.length > 0) {
    const sampled = discovered.some((field) => field.frequency !== undefined);
    for (const [path, field] of listed) {
      const prior = known.get(path);
      if (prior === undefined) changes.push(driftChange("added", path, targetFor(path), { to_type: field.type, samples: field.sample_values }));
      else if (prior.discovered_type !== undefined && retyped(prior.discovered_type, field.type)) {
        changes.push(driftChange("retyped", path, targetFor(path), { from_type: prior.discovered_type, to_type: field.type, samples: field.sample_values }));
      }
    }
    for (const field of listedBefore) {
      if (listed.has(field.path) || (sampled && !regularlyCarried(field, shape?.records ?? 0))) continue;
      changes.push(driftChange("removed", field.path, targetFor(field.path), { from_type: field.discovered_type, samples: field.samples }));
    }
  }
  if (mapped !== undefined) {
    const unlisted = (path: string) => !listed.has(path);
    changes.push(...missingMappedPaths(mapped, { absent: unlisted, neverCarried: (path) => unlisted(path) && !everCarried(known.get(path)) }, changes));
  }
  return notIgnored(changes, mapped);
}

/** The shape with this listing recorded: new fields added (no records yet), listed types and labels updated. */
export function mergeDiscovery(fields: readonly ObservedField[], discovered: readonly DiscoveredField[]): ObservedField[] {
  const merged = new Map(fields.map((field) => [field.path, field]));
  const listed = listing(discovered, new Set(merged.keys()));
  for (const field of merged.values()) {
    if (field.discovered_type !== undefined && !listed.has(field.path)) {
      const { discovered_type: _unlisted, ...rest } = field;
      merged.set(field.path, rest);
    }
  }
  for (const [path, field] of listed) {
    const prior = merged.get(path);
    merged.set(
      path,
      prior === undefined
        ? { path, type: field.type, seen: 0, present: 0, samples: field.sample_values, label: field.label, discovered_type: field.type }
        : { ...prior, label: field.label, discovered_type: field.type },
    );
  }
  return [...merged.values()];
}

function listing(discovered: readonly DiscoveredField[], known: ReadonlySet<string>): Map<string, DiscoveredField> {
  return new Map(discovered.map((field) => [discoveredPath(field.name, known), field]));
}
