/** The mapping engine's two failure kinds: a bad mapping document (author's error) and a bad value (data error). */

export interface MappingIssue {
  file: string;
  /** 1-based; 0 when the problem has no place in the file (e.g. an empty file) */
  line: number;
  column: number;
  /** the YAML path, e.g. `fields.amount.transforms[0]` */
  path: string;
  message: string;
}

/** A mapping document that cannot be used; `message` lists every issue as `file:line:column: path: reason`. */
export class MappingFormatError extends Error {
  constructor(readonly issues: MappingIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.path === "" ? "" : `${i.path}: `}${i.message}`).join("\n"));
    this.name = "MappingFormatError";
  }
}

/**
 * A value a transform or expression cannot handle. Thrown inside a compiled field and caught by that field's
 * wrapper in compile.ts, which reports it per field: it never escapes a compiled mapping.
 */
export class ValueError extends Error {
  override readonly name = "ValueError";
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
