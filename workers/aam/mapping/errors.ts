/** The mapping engine's two failure kinds: a bad mapping document (author's error) and a bad value (data error). */
import { z } from "@hono/zod-openapi";

export const MappingIssueSchema = z
  .object({
    file: z.string().openapi({ example: "mappings/salesforce/opportunity.yaml" }),
    line: z.number().int().openapi({ description: "1-based; 0 when the problem has no place in the file (e.g. an empty file)" }),
    column: z.number().int(),
    path: z.string().openapi({ description: "The YAML path", example: "fields.amount.transforms[0]" }),
    message: z.string(),
  })
  .openapi("MappingIssue");
export type MappingIssue = z.infer<typeof MappingIssueSchema>;

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
