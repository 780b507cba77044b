/**
 * A batch's shape: every field path its records carry (nested objects flattened to dotted paths, the objects
 * themselves kept as fields of type `object` so a string that became an object shows; arrays are leaves), with
 * how many records carried the key (`present`, null included), how many a value (`seen`), the dominant type of the
 * values and a few samples. Types are read like JSON file sources read theirs (filesource/infer.ts): a numeric
 * string stays a string, ISO dates and datetimes are dates. `mergeShapes` folds a batch into the stored shape.
 */
import { stableJson } from "../../canonical/stable-json";
import type { FieldType, RawRecord } from "../connectors/connector";
import { inferType } from "../connectors/filesource/infer";
import { formatKeyPath } from "./field-path";
import type { ObservedField } from "./schemas";

/** A source object's stored shape: its fields and how many records they were observed over. */
export interface ObservedShape {
  fields: ObservedField[];
  records: number;
}

const MAX_SAMPLES = 5;
/** samples are for the matcher's value evidence: a long text says no more than its start */
const MAX_SAMPLE_LENGTH = 200;

interface Tally {
  present: number;
  seen: number;
  types: Map<FieldType, number>;
  samples: Map<string, unknown>;
}

export function observeRecords(records: readonly RawRecord[]): ObservedField[] {
  const tallies = new Map<string, Tally>();
  for (const record of records) visit(record.data, [], tallies);
  return [...tallies].map(([path, tally]) => ({
    path,
    type: dominantType(tally.types),
    seen: tally.seen,
    present: tally.present,
    samples: [...tally.samples.values()],
  }));
}

function visit(object: Record<string, unknown>, keys: string[], tallies: Map<string, Tally>): void {
  for (const [key, value] of Object.entries(object)) {
    const path = [...keys, key];
    const name = formatKeyPath(path);
    let tally = tallies.get(name);
    if (tally === undefined) {
      tally = { present: 0, seen: 0, types: new Map(), samples: new Map() };
      tallies.set(name, tally);
    }
    tally.present += 1;
    if (isBlank(value)) continue;
    tally.seen += 1;
    const type = inferType([value], { untypedText: false });
    tally.types.set(type, (tally.types.get(type) ?? 0) + 1);
    if (isPlainObject(value)) visit(value, path, tallies);
    else if (tally.samples.size < MAX_SAMPLES && !Array.isArray(value)) {
      const sample = typeof value === "string" ? value.slice(0, MAX_SAMPLE_LENGTH) : value;
      tally.samples.set(stableJson(sample), sample);
    }
  }
}

/** Null, and blank text (an empty CSV cell), carry no value: the key is there, the value is not. */
function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The most frequent type, integers counted as numbers and dates as datetimes when both occur; `null` for no values. */
function dominantType(types: Map<FieldType, number>): FieldType {
  const counts = new Map(types);
  fold(counts, "integer", "number");
  fold(counts, "date", "datetime");
  let best: FieldType = "null";
  let most = 0;
  for (const [type, count] of counts) {
    if (count > most) [best, most] = [type, count];
  }
  return best;
}

function fold(counts: Map<FieldType, number>, narrow: FieldType, wide: FieldType): void {
  const narrowCount = counts.get(narrow);
  const wideCount = counts.get(wide);
  if (narrowCount === undefined || wideCount === undefined) return;
  counts.set(wide, narrowCount + wideCount);
  counts.delete(narrow);
}

/**
 * The stored shape after a batch: counts add up, the type and samples follow the batch where it had values, and
 * the paths reported removed are dropped (so they are not reported again; if they come back, they are new).
 */
export function mergeShapes(previous: readonly ObservedField[], batch: readonly ObservedField[], removed: readonly string[] = []): ObservedField[] {
  const gone = new Set(removed);
  const merged = new Map(previous.filter((field) => !gone.has(field.path)).map((field) => [field.path, field]));
  for (const field of batch) {
    const prior = merged.get(field.path);
    if (prior === undefined) {
      merged.set(field.path, field);
      continue;
    }
    merged.set(field.path, {
      ...prior,
      type: field.type === "null" ? prior.type : field.type,
      seen: prior.seen + field.seen,
      present: presentCount(prior) + presentCount(field),
      samples: distinctSamples([...field.samples, ...prior.samples]),
      ...(field.label === undefined ? {} : { label: field.label }),
    });
  }
  return [...merged.values()];
}

function distinctSamples(values: unknown[]): unknown[] {
  return [...new Map(values.map((value) => [stableJson(value), value])).values()].slice(0, MAX_SAMPLES);
}

/** Records that carried the key; shapes that do not count it (written by hand, or by discovery) fall back to `seen`. */
export function presentCount(field: ObservedField): number {
  return field.present ?? field.seen;
}
