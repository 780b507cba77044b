/**
 * Source paths: where in a raw record a value lives. Syntax: dot-separated keys (`Owner.Name`), array indexes
 * (`Contacts[0].Email`), every element (`Contacts[*].Email`, which yields an array), and quoted keys for names
 * that contain dots or brackets (`["No. of Employees"]`). Keys may contain spaces (`Company Name`).
 * Paths are parsed once when a mapping compiles; reading follows own properties only, so a path can never reach
 * a prototype (`constructor`, `__proto__` are rejected outright).
 */

export type PathSegment = { key: string } | { index: number } | { each: true };
export type SourcePath = readonly PathSegment[];

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export class PathSyntaxError extends Error {}

export function parsePath(text: string): SourcePath {
  const segments: PathSegment[] = [];
  let i = 0;
  const pushKey = (key: string) => {
    if (FORBIDDEN_KEYS.has(key)) throw new PathSyntaxError(`"${key}" is not allowed in a path`);
    segments.push({ key });
  };
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text.indexOf("]", i);
      if (close === -1) throw new PathSyntaxError(`unclosed "[" at column ${i + 1}`);
      const inner = text.slice(i + 1, close);
      if (inner === "*") segments.push({ each: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^"[^"]+"$/.test(inner)) pushKey(inner.slice(1, -1));
      else throw new PathSyntaxError(`"[${inner}]" must be an index, [*] or a quoted key`);
      i = close + 1;
      if (text[i] === ".") i += 1;
      else if (i < text.length && text[i] !== "[") throw new PathSyntaxError(`expected "." or "[" at column ${i + 1}`);
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== "." && text[end] !== "[") end += 1;
    const key = text.slice(i, end).trim();
    if (key === "") throw new PathSyntaxError(`empty key at column ${i + 1}`);
    pushKey(key);
    i = end;
    if (text[i] === ".") {
      i += 1;
      if (i === text.length) throw new PathSyntaxError("path ends with \".\"");
    }
  }
  if (segments.length === 0) throw new PathSyntaxError("empty path");
  return segments;
}

/** A reader for one path, built once: missing keys, out-of-range indexes and non-objects on the way read as null. */
export function pathReader(path: SourcePath): (record: unknown) => unknown {
  const first = path[0];
  // The common case (a top-level column or field) skips the general walk.
  if (path.length === 1 && first !== undefined && "key" in first) {
    const key = first.key;
    return (record) => readKey(record, key);
  }
  return (record) => walk(record, path, 0);
}

function walk(value: unknown, path: SourcePath, from: number): unknown {
  let current = value;
  for (let n = from; n < path.length; n += 1) {
    const segment = path[n]!;
    if ("key" in segment) current = readKey(current, segment.key);
    else if ("index" in segment) current = Array.isArray(current) ? (current[segment.index] ?? null) : null;
    else return Array.isArray(current) ? current.map((item) => walk(item, path, n + 1)) : null;
    if (current === null) return null;
  }
  return current;
}

function readKey(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return null;
  return (value as Record<string, unknown>)[key] ?? null;
}
