/**
 * A collection's fields from a random sample of its documents ($sample): every field path, nested objects
 * included ("address.city"), with its type (widened across the sample), whether it is ever null or missing, and
 * its frequency (the share of sampled documents that hold it). Arrays are one field of type array: their elements
 * are not walked, so a path never depends on an index.
 */
import type { EjsonDocument } from "../../../../durable-objects/mongo-connection/queries";
import type { DiscoveredObject } from "../connector";
import { inferFields } from "../filesource/infer";
import { plainJson } from "./records";

export function discoverCollection(collection: string, sample: EjsonDocument[]): DiscoveredObject {
  const rows = sample.map((document) => fieldPaths(plainJson(document)));
  const names = new Set<string>();
  for (const row of rows) for (const name of row.keys()) names.add(name);
  const header = [...names].map((name) => ({ name, label: name }));
  const fields = inferFields(header, rows.map(Object.fromEntries), { untypedText: false }).map((field) => ({
    ...field,
    frequency: rows.length === 0 ? 0 : rows.filter((row) => row.has(field.name)).length / rows.length,
  }));
  return { object: collection, label: collection, fields };
}

/** The document's leaves by dotted path; an empty object is a leaf of its own. */
function fieldPaths(document: Record<string, unknown>, prefix = "", paths = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(document)) {
    const path = prefix + key;
    if (isNested(value)) fieldPaths(value, `${path}.`, paths);
    else paths.set(path, value);
  }
  return paths;
}

function isNested(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}
