/**
 * Applies repair changes to a mapping document's YAML text. The changes are made on the `yaml` Document; the text
 * is then spliced: a field (or top-level key) whose value did not change keeps its original bytes, a changed one is
 * rewritten on its own line in the bundled mappings' style, a removed one loses its lines, a new one is added after
 * its predecessor. Comments, key order and layout survive: a repaired mapping still reads like the one a person
 * wrote. The result must compile (the caller gets the compiled mapping with it) or nothing is applied.
 */
import { type Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from "yaml";
import { stableJson } from "../../canonical/stable-json";
import type { EntityName } from "../../canonical/names";
import { ProblemError } from "../../gateway/problem";
import { compileSubmitted, invalidMapping } from "../mapping/overrides-submit";
import type { RegisteredMapping } from "../mapping/registry";
import { RECORD_ID_TARGET, type RepairChange, type WrittenTransform } from "./changes";
import { isRequiredTarget } from "./targets";
import { flowText } from "./yaml-style";

/** The keys a field takes its value from other than `from`: replaced by `from` when a change remaps the whole field. */
const OTHER_SOURCES = ["coalesce", "concat", "expr", "const"] as const;

export function editMappingText(text: string, changes: RepairChange[], version: number): string {
  const original = parseDocument(text);
  if (!isMap(original.contents)) throw new ProblemError("invalid-mapping", "A mapping document is a YAML map");
  const doc = original.clone();
  const entity = doc.get("entity") as EntityName;
  for (const change of changes) applyChange(doc, entity, change);
  doc.set("version", version);
  const splices: Splice[] = [];
  diffMap(text, original.contents, doc.contents as YAMLMap, splices, true);
  return splices.sort((a, b) => b.start - a.start).reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

/** The edited text and its compiled mapping; a result that does not compile is a 422 with its issues. */
export async function editAndCompile(text: string, changes: RepairChange[], version: number): Promise<{ text: string; mapping: RegisteredMapping }> {
  const edited = editMappingText(text, changes, version);
  const compiled = await compileSubmitted(edited);
  if (Array.isArray(compiled)) throw invalidMapping(`The repaired mapping has ${compiled.length} problem(s)`, compiled);
  return { text: edited, mapping: compiled };
}

function applyChange(doc: Document, entity: EntityName, change: RepairChange): void {
  if (change.target === RECORD_ID_TARGET) {
    if (change.action === "unmap") doc.delete("record_id");
    else if (change.from !== null) setAfter(doc, doc.contents as YAMLMap, "record_id", change.from, "version");
    return;
  }
  const fields = doc.get("fields", true);
  if (!isMap(fields)) throw new ProblemError("invalid-mapping", "The mapping has no `fields` map to repair");
  if (change.action === "unmap") {
    if (isRequiredTarget(entity, change.target)) {
      throw new ProblemError("invalid-mapping", `${entity}.${change.target} is required (never null): it can be remapped, not unmapped`);
    }
    fields.delete(change.target);
    return;
  }
  if (change.action === "map") remap(doc, fields, change);
  else retransform(doc, fields, change.target, change.transforms ?? []);
}

function remap(doc: Document, fields: YAMLMap, change: RepairChange): void {
  const { target, from } = change;
  if (change.value !== undefined) {
    fields.set(target, doc.createNode({ const: change.value }, { flow: true }));
    return;
  }
  if (from === null) throw new ProblemError("invalid-mapping", `The change of ${target} maps it from no source path`);
  const field = fields.get(target, true);
  if (isMap(field)) {
    remapField(doc, field, change, from);
    if (change.transforms !== undefined) retransform(doc, fields, target, change.transforms);
  } else if (isScalar(field) && change.transforms === undefined) {
    field.value = from; // the `name: Name` shorthand stays one
  } else {
    fields.set(target, doc.createNode({ from, transforms: change.transforms ?? [] }, { flow: true }));
  }
}

/**
 * `from` is repointed; a coalesce or concat that lists the old path gets the new one in its place; any other
 * source (or a change naming no old path inside it) becomes a plain `from`, the change's explicit wish.
 */
function remapField(doc: Document, field: YAMLMap, change: RepairChange, from: string): void {
  const current = field.get("from", true);
  if (isScalar(current)) {
    current.value = from;
    return;
  }
  const concat: unknown = field.get("concat", true);
  const listed = [field.get("coalesce", true), isMap(concat) ? concat.get("from", true) : undefined];
  for (const list of listed) {
    const item = isSeq(list) ? list.items.find((node) => isScalar(node) && node.value === change.previous_from) : undefined;
    if (isScalar(item)) {
      item.value = from;
      return;
    }
  }
  for (const key of OTHER_SOURCES) field.delete(key);
  field.items.unshift(doc.createPair("from", from));
}

function retransform(doc: Document, fields: YAMLMap, target: string, transforms: WrittenTransform[]): void {
  const field = fields.get(target, true);
  const node: Node = doc.createNode(transforms, { flow: true });
  if (isMap(field)) field.set("transforms", node);
  else if (isScalar(field)) fields.set(target, doc.createNode({ from: field.value, transforms }, { flow: true }));
  else throw new ProblemError("invalid-mapping", `${target} is not mapped: there are no transforms to replace`);
}

/** Sets a top-level key, placing a new one right after `after` (record_id after version, as the format writes it). */
function setAfter(doc: Document, map: YAMLMap, key: string, value: unknown, after: string): void {
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  const at = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
  map.items.splice(at + 1, 0, doc.createPair(key, value));
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

const keyOf = (pair: Pair): string => String(isScalar(pair.key) ? pair.key.value : pair.key);
const jsonOf = (node: unknown): string => stableJson(isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : node);

/** Where a pair's value ends, trailing blanks and line breaks aside (a block value's range runs past its last line). */
function valueEnd(text: string, pair: Pair): number {
  let end = (pair.value as Node).range![1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  return end;
}

const lineStart = (text: string, at: number) => text.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (text: string, at: number) => (text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at));

/**
 * The splices that turn `before`'s text into `after`'s: the top level key by key, `fields` (when `recurse`) one
 * field at a time.
 */
function diffMap(text: string, before: YAMLMap, after: YAMLMap, splices: Splice[], recurse: boolean): void {
  const pairs = before.items as Pair[];
  const indent = pairs.length === 0 ? "" : " ".repeat(((pairs[0]!.key as Node).range![0]) - lineStart(text, (pairs[0]!.key as Node).range![0]));
  for (const pair of pairs) {
    const key = keyOf(pair);
    const next = after.get(key, true);
    const start = (pair.key as Node).range![0];
    if (next === undefined) {
      const end = lineEnd(text, valueEnd(text, pair));
      splices.push({ start: lineStart(text, start), end: Math.min(end + 1, text.length), text: "" });
    } else if (recurse && key === "fields" && isMap(pair.value) && isMap(next) && pair.value.flow !== true && pair.value.items.length > 0) {
      diffMap(text, pair.value, next, splices, false); // a block map, edited field by field (a flow one is rewritten whole)
    } else if (jsonOf(pair.value) !== jsonOf(next)) {
      splices.push({ start, end: valueEnd(text, pair), text: `${key}: ${valueText(pair.value, next)}` });
    }
  }
  // New keys go after the last key before them that the text already has.
  let anchor = pairs.at(-1);
  const added: Record<string, string[]> = {};
  for (const pair of after.items as Pair[]) {
    const known = pairs.find((p) => keyOf(p) === keyOf(pair));
    if (known !== undefined) anchor = known;
    else if (anchor !== undefined) (added[keyOf(anchor)] ??= []).push(`${indent}${keyOf(pair)}: ${valueText(undefined, pair.value)}`);
  }
  for (const [key, lines] of Object.entries(added)) {
    const at = lineEnd(text, valueEnd(text, pairs.find((p) => keyOf(p) === key)!));
    splices.push({ start: at, end: at, text: lines.map((line) => `\n${line}`).join("") });
  }
}

/** A value written anew: a shorthand stays one while it is only a path; anything else as one flow line. */
function valueText(before: unknown, after: unknown): string {
  const value: unknown = isScalar(after) || isMap(after) || isSeq(after) ? after.toJSON() : after;
  const onlyFrom = typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).join() === "from";
  return isScalar(before) && onlyFrom ? flowText((value as { from: unknown }).from) : flowText(value);
}
