/**
 * A starting sample for the preview: one raw record holding every source field the mapping reads, with a
 * placeholder its transforms accept. Inputs whose format the mapping decides (dates, value maps) and expression
 * inputs start as null, which every transform passes through; the person replaces them with real values.
 */
import type { Mapping } from "./types";

type RawRecord = Record<string, unknown>;

const NUMERIC = new Set(["number", "integer", "round"]);
const UNKNOWN_FORMAT = new Set(["date", "datetime", "map", "first", "join"]);
const KEYWORDS = new Set(["true", "false", "null"]);

/** Placeholders for canonical fields whose values the canonical model checks (formats, codes). */
const BY_FIELD: Record<string, string> = {
  email: "ada@example.com",
  website: "https://example.com",
  phone: "+1 555 0100",
  mobile_phone: "+1 555 0101",
  currency: "EUR",
};

function placeholder(field: string, transforms: readonly string[]): unknown {
  if (transforms.some((t) => UNKNOWN_FORMAT.has(t))) return null;
  if (transforms.some((t) => NUMERIC.has(t))) return 1200;
  if (transforms.includes("boolean")) return true;
  if (transforms.includes("currency")) return "EUR";
  if (transforms.includes("split")) return "Mary Ann Smith";
  return BY_FIELD[field] ?? `Example ${field.replaceAll("_", " ")}`;
}

/** The fields an expression reads: backquoted names and bare identifiers that are not calls, strings or literals. */
function expressionInputs(expr: string): string[] {
  const withoutStrings = expr.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  const quoted = [...withoutStrings.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  const bare = [...withoutStrings.replace(/`[^`]+`/g, "").matchAll(/\b([A-Za-z_][\w.]*)\b(?!\s*\()/g)]
    .map((m) => m[1] ?? "")
    .filter((name) => !KEYWORDS.has(name));
  return [...new Set([...quoted, ...bare])].filter((name) => name !== "");
}

/** The source paths behind a field's `source` as the API describes it (`Name`, `coalesce: a, b`, `expr: …`, `const`). */
function inputsOf(source: string): { paths: string[]; fromExpression: boolean } {
  if (source === "const" || source === "") return { paths: [], fromExpression: false };
  if (source.startsWith("expr: ")) return { paths: expressionInputs(source.slice(6)), fromExpression: true };
  // a coalesce reads its first path when present: one is enough for a sample
  if (source.startsWith("coalesce: ")) return { paths: source.slice(10).split(", ").slice(0, 1), fromExpression: false };
  if (source.startsWith("concat: ")) return { paths: source.slice(8).split(", "), fromExpression: false };
  return { paths: [source], fromExpression: false };
}

/** Sets a dotted path (`Owner.Name`) or a bracketed key (`["No. of Employees"]`); array paths are left to the person. */
function setPath(record: RawRecord, path: string, value: unknown): void {
  const bracketed = /^\["(.+)"\]$/.exec(path);
  if (bracketed === null && path.includes("[")) return;
  const keys = bracketed === null ? path.split(".") : [bracketed[1] ?? path];
  let target = record;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== "object" || next === null) target[key] = {};
    target = target[key] as RawRecord;
  }
  // the first field to read a path sets its placeholder
  const last = keys[keys.length - 1] ?? path;
  if (!(last in target)) target[last] = value;
}

/** The document's `record_id:` path, read from the text (the API's compiled fields do not include it). */
function recordIdPath(source: string): string | null {
  const match = /^record_id:[ \t]*(?:"([^"]*)"|'([^']*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(source);
  const path = match?.[1] ?? match?.[2] ?? match?.[3];
  return path === undefined || path === "" ? null : path;
}

export function exampleRecord(mapping: Pick<Mapping, "fields" | "source">): RawRecord {
  const record: RawRecord = {};
  const idPath = recordIdPath(mapping.source);
  if (idPath !== null) setPath(record, idPath, "example-1");
  for (const { field, source, transforms } of mapping.fields) {
    const { paths, fromExpression } = inputsOf(source);
    for (const path of paths) setPath(record, path, fromExpression ? null : placeholder(field, transforms));
  }
  return record;
}

/** The preview's samples from the text a person typed: a JSON array of objects (or one object); empty means none. */
export function parseSamples(text: string): { samples: RawRecord[] | undefined } | { error: string } {
  if (text.trim() === "") return { samples: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const list = Array.isArray(value) ? value : [value];
  const isRecord = (x: unknown): x is RawRecord => typeof x === "object" && x !== null && !Array.isArray(x);
  if (!list.every(isRecord)) return { error: "Each sample must be a JSON object (a raw source record)" };
  return { samples: list };
}

export const samplesText = (records: readonly RawRecord[]): string => JSON.stringify(records, null, 2);
