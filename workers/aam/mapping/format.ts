/**
 * The mapping document format: one YAML file per source object and canonical entity (mappings/<system>/<object>.yaml).
 *
 *   system: salesforce          # SourceSystem
 *   object: Opportunity         # the source's object, table, collection or file
 *   files: ["accounts*.csv"]    # filesource only: names of files this mapping reads (see file-pattern.ts)
 *   entity: opportunity         # the canonical entity it becomes
 *   version: 3                  # bumped with every change (the content hash catches edits that forget to)
 *   record_id: Id               # path of the record's id → data.source_id (omit: the connector's id is used)
 *   ignore: [attributes]        # source metadata deliberately left out of extras (anything else unmapped is kept)
 *   extras: rest                # unmapped source fields → data.extras (the only policy: nothing is dropped)
 *   fields:                     # canonical field → one source and a chain of transforms
 *     name: Name                # shorthand for { from: Name }
 *     amount: { from: Amount, transforms: [{ number: { locale: de-DE } }], default: 0 }
 *     owner: { coalesce: [Owner.Name, OwnerId] }            # first non-null
 *     description: { concat: { from: [Type, Description], separator: " — " } }   # non-empty parts joined
 *     status: { expr: "IsWon ? 'won' : (IsClosed ? 'lost' : 'open')" }
 *     currency: { const: EUR }
 *   write_back:                 # optional: agent outputs with no canonical field → the source field they are written to
 *     deal_score: AOS_Deal_Score__c
 *
 * Sources (exactly one per field): `from` (a path), `coalesce`, `concat`, `expr`, `const`. Transforms run in
 * order and stop at null (null in → null out); `default` replaces a null result. Everything here is checked when
 * the document loads: paths, expressions, transform names and options, target fields against the canonical
 * entity, and that the entity's required fields are mapped.
 *
 * `write_back` names values the agents write back (deal_score, win_probability…) that no canonical field holds.
 * Its targets are top-level source fields the mapping does not read, so they come back on the next sync in
 * `extras`, like any unmapped field; which canonical fields can be written back is derived from `fields`
 * (reverse.ts).
 */
import { z } from "@hono/zod-openapi";
import { entitySchemas } from "../../canonical/entities";
import { EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import type { Expression } from "./expression/ast";
import { ExpressionSyntaxError, parseExpression } from "./expression/parse";
import { FilePatternSchema } from "./file-pattern";
import { parsePath, PathSyntaxError, type SourcePath } from "./path";
import { ScalarSchema } from "./transforms/define";
import { isTransformName, transformCatalog, type TransformSpec } from "./transforms";

/** Marks an issue that belongs on a mapping key's line rather than its value's (see load.ts). */
export const AT_KEY = "at_key";

const SourcePathSchema = z.string().min(1).transform((text, ctx): { text: string; path: SourcePath } => {
  try {
    return { text, path: parsePath(text) };
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error;
    ctx.addIssue({ code: "custom", message: `bad path "${text}": ${error.message}` });
    return z.NEVER;
  }
});

const ExpressionSchema = z.string().min(1).transform((text, ctx): { text: string; tree: Expression } => {
  try {
    return { text, tree: parseExpression(text) };
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    ctx.addIssue({ code: "custom", message: `bad expression: ${error.message}` });
    return z.NEVER;
  }
});

/** `trim` or `{ number: { locale: de-DE } }`: a known name, then that transform's own options schema. */
export const TransformEntrySchema = z.unknown().transform((entry, ctx): TransformSpec => {
  const [name, options] = typeof entry === "string" ? [entry, {}] : singleKey(entry);
  if (name === undefined) {
    ctx.addIssue({ code: "custom", message: "a transform is a name (trim) or a single-key map ({ number: { locale: de-DE } })" });
    return z.NEVER;
  }
  if (!isTransformName(name)) {
    ctx.addIssue({ code: "custom", message: `unknown transform "${name}" (known: ${Object.keys(transformCatalog).join(", ")})` });
    return z.NEVER;
  }
  const parsed = transformCatalog[name].options.safeParse(options ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: "custom", message: `${name}: ${issue.message}`, path: typeof entry === "string" ? [] : [name, ...issue.path] });
    }
    return z.NEVER;
  }
  return { name, options: parsed.data } as TransformSpec;
});

function singleKey(entry: unknown): [string, unknown] | [undefined, undefined] {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [undefined, undefined];
  const entries = Object.entries(entry);
  return entries.length === 1 ? entries[0]! : [undefined, undefined];
}

const SOURCE_KEYS = ["from", "coalesce", "concat", "expr", "const"] as const;

const FieldSpecSchema = z.preprocess(
  (value) => (typeof value === "string" ? { from: value } : value),
  z
    .object({
      from: SourcePathSchema.optional(),
      coalesce: z.array(SourcePathSchema).min(2).optional(),
      concat: z.object({ from: z.array(SourcePathSchema).min(2), separator: z.string().default(" ") }).strict().optional(),
      expr: ExpressionSchema.optional(),
      const: ScalarSchema.optional(),
      transforms: z.array(TransformEntrySchema).default([]),
      default: ScalarSchema.optional(),
    })
    .strict()
    .superRefine((field, ctx) => {
      const given = SOURCE_KEYS.filter((key) => field[key] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: "custom",
          message: given.length === 0 ? `a field needs a source: one of ${SOURCE_KEYS.join(", ")}` : `a field has one source, got ${given.join(" and ")}`,
        });
      }
    }),
);

export const MappingDocumentSchema = z
  .object({
    system: SourceSystemSchema,
    object: z.string().min(1),
    files: z.array(FilePatternSchema).min(1).optional(),
    entity: EntityNameSchema,
    version: z.number().int().positive(),
    description: z.string().optional(),
    record_id: SourcePathSchema.optional(),
    ignore: z.array(SourcePathSchema).default([]),
    extras: z.literal("rest").default("rest"),
    fields: z.record(z.string(), FieldSpecSchema),
    write_back: z.record(z.string(), SourcePathSchema).optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    checkWriteBack(doc, ctx);
    if (doc.files !== undefined && doc.system !== "filesource") {
      ctx.addIssue({ code: "custom", path: ["files"], params: { [AT_KEY]: true }, message: `only filesource mappings read files (this one is ${doc.system})` });
    }
    const shape: Record<string, z.ZodType> = entitySchemas[doc.entity].shape;
    for (const target of Object.keys(doc.fields)) {
      if (target === "source_id" || target === "extras") {
        const why = target === "source_id" ? "it comes from record_id" : "it collects the unmapped source fields";
        ctx.addIssue({ code: "custom", path: ["fields", target], params: { [AT_KEY]: true }, message: `${target} cannot be mapped: ${why}` });
      } else if (!Object.hasOwn(shape, target)) {
        ctx.addIssue({
          code: "custom",
          path: ["fields", target],
          params: { [AT_KEY]: true },
          message: `"${target}" is not a field of ${doc.entity} (fields: ${Object.keys(shape).filter((f) => f !== "source_id" && f !== "extras").join(", ")})`,
        });
      }
    }
    for (const [target, schema] of Object.entries(shape)) {
      if (target === "source_id" || target === "extras" || Object.hasOwn(doc.fields, target)) continue;
      if (!schema.safeParse(null).success) {
        ctx.addIssue({ code: "custom", path: ["fields"], params: { [AT_KEY]: true }, message: `${doc.entity}.${target} is required (never null): map it` });
      }
    }
  });

type ParsedDocument = Pick<z.output<typeof MappingDocumentSchema>, "system" | "entity" | "fields" | "record_id" | "write_back">;

/** write_back targets: only sources that can be written, top-level fields, none the mapping reads already. */
function checkWriteBack(doc: ParsedDocument, ctx: z.RefinementCtx): void {
  if (doc.write_back === undefined) return;
  if (doc.system === "filesource") {
    ctx.addIssue({ code: "custom", path: ["write_back"], params: { [AT_KEY]: true }, message: "files are read-only: a filesource mapping has no write_back" });
    return;
  }
  const shape: Record<string, z.ZodType> = entitySchemas[doc.entity].shape;
  const read = new Map<string, string>();
  if (doc.record_id !== undefined) read.set(doc.record_id.text, "record_id");
  for (const [target, spec] of Object.entries(doc.fields)) if (spec.from !== undefined) read.set(spec.from.text, target);
  for (const [name, target] of Object.entries(doc.write_back)) {
    const at = { path: ["write_back", name] };
    const mappedAs = read.get(target.text);
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      ctx.addIssue({ code: "custom", ...at, params: { [AT_KEY]: true }, message: `a write_back name is snake_case (deal_score), got "${name}"` });
    } else if (Object.hasOwn(shape, name)) {
      ctx.addIssue({ code: "custom", ...at, params: { [AT_KEY]: true }, message: `${name} is a field of ${doc.entity}: it is written back through its mapping in fields` });
    } else if (target.path.length !== 1 || !("key" in target.path[0]!)) {
      ctx.addIssue({ code: "custom", ...at, message: `write_back targets a top-level source field, not the path "${target.text}"` });
    } else if (mappedAs !== undefined) {
      ctx.addIssue({ code: "custom", ...at, message: `"${target.text}" is read as ${mappedAs}: write ${mappedAs} instead` });
    }
  }
}

export type MappingDocument = z.output<typeof MappingDocumentSchema>;
export type FieldSpec = MappingDocument["fields"][string];
export type MappedPath = NonNullable<MappingDocument["record_id"]>;
