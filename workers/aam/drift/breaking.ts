/**
 * Whether drift breaks the mapping, so the records are held in quarantine until a repair: a mapped target loses
 * its source (a path removed or renamed; a coalesce only once every alternative is), or a retyped path's new values
 * fail the mapping for its target. A target loses something only if a gone path had values before (`from_type`
 * not null) or the canonical entity requires it: a path the source never sent takes no value away, records map as
 * they did. A retype is decided by running the mapping on the samples: "$1,200" passes `number`, "n/a" fails it.
 */
import { compileMapping, type CompiledMapping } from "../mapping/compile";
import type { MappingDocument } from "../mapping/format";
import { mappedPaths } from "../mapping/mapped-paths";
import { parsePath } from "../mapping/path";
import type { DriftChange } from "./schemas";

export function isBreaking(changes: readonly DriftChange[], mapping: MappingDocument | undefined): boolean {
  if (mapping === undefined) return false;
  const gone = new Map(changes.filter((change) => change.kind === "removed" || change.kind === "renamed").map((change) => [change.path, change]));
  const lost = mappedPaths(mapping).targets.some(({ paths, lostWhen, required }) => {
    const goneHere = paths.filter((path) => gone.has(path));
    const complete = lostWhen === "all" ? goneHere.length === paths.length : goneHere.length > 0;
    return complete && (required || goneHere.some((path) => gone.get(path)?.from_type !== null));
  });
  if (lost) return true;
  const retypes = changes.filter((change) => change.kind === "retyped" && change.target !== null);
  if (retypes.length === 0) return false;
  const compiled = compileMapping(mapping, "drift");
  return retypes.some((change) => change.samples.some((sample) => failsFor(compiled, change, sample)));
}

function failsFor(compiled: CompiledMapping, change: DriftChange, sample: unknown): boolean {
  const result = compiled.map(recordWith(change.path, sample), "drift-sample");
  return !result.ok && result.errors.some((error) => error.field === change.target);
}

/** A record carrying only the value at the path (observed paths are keys only: arrays are leaves). */
function recordWith(path: string, value: unknown): Record<string, unknown> {
  const keys = parsePath(path).flatMap((segment) => ("key" in segment ? [segment.key] : []));
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}
