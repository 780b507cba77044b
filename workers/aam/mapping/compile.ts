/**
 * Mapping document → plain function, once. Paths are parsed, transform chains built and expressions turned into
 * closures here; mapping a record then only calls them: no per-record look at the YAML. Each field runs in its
 * own try/catch, so one bad value is reported for its field (with the source path) while the others still map,
 * and nothing thrown ever escapes. The result is validated with the canonical entity schema.
 */
import { entityFields, entitySchemas, type EntityData } from "../../canonical/entities";
import type { EntityName } from "../../canonical/names";
import { describe, ValueError } from "./errors";
import { compileExpression } from "./expression/compile";
import { fieldsOf } from "./expression/parse";
import { consumedTree, residual } from "./extras";
import type { FieldSpec, MappedPath, MappingDocument } from "./format";
import { pathReader, type SourcePath } from "./path";
import type { MappingFieldError, MappingResult } from "./result";
import { buildTransform, type TransformSpec } from "./transforms";

export interface CompiledMapping<E extends EntityName = EntityName> {
  system: MappingDocument["system"];
  object: string;
  entity: E;
  version: number;
  /** `<system>/<object>@<version>#<content hash>`: carried into every event and quarantine entry */
  mapping_version: string;
  document: MappingDocument;
  /** canonical field → where its value comes from, as field errors name it (a path, `expr: …`, `const`) */
  sources: Readonly<Record<string, string>>;
  /** The compiled mapping. `recordId` is the connector's id, used when the document has no `record_id` path. */
  map: (raw: Record<string, unknown>, recordId?: string) => MappingResult<E>;
}

interface CompiledField {
  target: string;
  source: string;
  compute: (raw: Record<string, unknown>) => unknown;
}

export function compileMapping(document: MappingDocument, contentHash: string): CompiledMapping {
  const consumed: SourcePath[] = document.ignore.map((p) => p.path);
  const fields = Object.entries(document.fields).map(([target, spec]) => compileField(target, spec, consumed));
  const unmapped = entityFields(document.entity).filter((f) => f !== "source_id" && f !== "extras" && !Object.hasOwn(document.fields, f));
  const readRecordId = recordIdReader(document.record_id, consumed);
  const tree = consumedTree(consumed);
  const schema = entitySchemas[document.entity];
  const sourceOf = new Map(fields.map((f) => [f.target, f.source]));

  const map = (raw: Record<string, unknown>, recordId?: string): MappingResult => {
    const errors: MappingFieldError[] = [];
    const id = readRecordId(raw, recordId, errors);
    const data: Record<string, unknown> = { source_id: id };
    for (const field of fields) {
      try {
        data[field.target] = field.compute(raw);
      } catch (error) {
        data[field.target] = null;
        const reason = error instanceof ValueError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        errors.push({ field: field.target, source_path: field.source, reason });
      }
    }
    for (const target of unmapped) data[target] = null;
    data.extras = residual(raw, tree);
    const checked = schema.safeParse(data);
    // The schemas only check (no transforms), so the validated object is returned as built: zod's copy would turn
    // a source key named "__proto__" in extras into a prototype instead of keeping it as data.
    if (checked.success && errors.length === 0) return { ok: true, record_id: id!, data: data as EntityData };
    if (!checked.success) {
      const failed = new Set(errors.map((e) => e.field));
      for (const issue of checked.error.issues) {
        const field = typeof issue.path[0] === "string" ? issue.path[0] : "(record)";
        // A field whose transform already failed was set to null; its "null" complaint would only repeat that.
        if (failed.has(field)) continue;
        const detail = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join(".")})` : "";
        errors.push({ field, source_path: sourceOf.get(field) ?? null, reason: `${issue.message}${detail}` });
      }
    }
    return { ok: false, record_id: id, errors };
  };

  return {
    system: document.system,
    object: document.object,
    entity: document.entity,
    version: document.version,
    mapping_version: `${document.system}/${document.object}@${document.version}#${contentHash.slice(0, 12)}`,
    document,
    sources: Object.fromEntries(sourceOf),
    map: map as CompiledMapping["map"],
  };
}

function recordIdReader(path: MappedPath | undefined, consumed: SourcePath[]) {
  const read = path === undefined ? undefined : pathReader(path.path);
  if (path !== undefined) consumed.push(path.path);
  return (raw: Record<string, unknown>, fallback: string | undefined, errors: MappingFieldError[]): string | null => {
    const value = read === undefined ? fallback : read(raw);
    if ((typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Number.isFinite(value))) return String(value);
    const blank = value === null || value === undefined || (typeof value === "string" && value.trim() === "");
    const reason = blank ? "the record has no id" : `not an id: ${describe(value)}`;
    errors.push({ field: "source_id", source_path: path?.text ?? null, reason });
    return null;
  };
}

function compileField(target: string, spec: FieldSpec, consumed: SourcePath[]): CompiledField {
  const { read, source } = compileSource(spec, consumed);
  const transform = transformChain(spec.transforms);
  const hasDefault = spec.default !== undefined;
  const fallback = spec.default ?? null;
  return {
    target,
    source,
    compute: (raw) => {
      const value = transform(read(raw));
      return value === null && hasDefault ? fallback : value;
    },
  };
}

/** Transforms in order, stopping at the first null: null (or a missing value) in → null out. */
export function transformChain(specs: readonly TransformSpec[]): (value: unknown) => unknown {
  const chain = specs.map(buildTransform);
  return (input) => {
    let value = input ?? null;
    for (let i = 0; i < chain.length && value !== null; i += 1) value = chain[i]!(value) ?? null;
    return value;
  };
}

function compileSource(spec: FieldSpec, consumed: SourcePath[]): { read: (raw: Record<string, unknown>) => unknown; source: string } {
  if (spec.from !== undefined) {
    consumed.push(spec.from.path);
    return { read: pathReader(spec.from.path), source: spec.from.text };
  }
  if (spec.coalesce !== undefined) {
    consumed.push(...spec.coalesce.map((p) => p.path));
    const readers = spec.coalesce.map((p) => pathReader(p.path));
    return {
      source: `coalesce: ${spec.coalesce.map((p) => p.text).join(", ")}`,
      read: (raw) => {
        for (const r of readers) {
          const v = r(raw);
          if (v !== null && v !== undefined) return v;
        }
        return null;
      },
    };
  }
  if (spec.concat !== undefined) {
    const { from, separator } = spec.concat;
    consumed.push(...from.map((p) => p.path));
    const readers = from.map((p) => pathReader(p.path));
    return {
      source: `concat: ${from.map((p) => p.text).join(", ")}`,
      read: (raw) => {
        const parts: string[] = [];
        for (const r of readers) {
          const v = r(raw);
          // Empty text adds nothing but a dangling separator, so it is skipped like null.
          if (v === null || v === undefined || v === "") continue;
          if (typeof v === "object") throw new ValueError(`concat expects scalars, got ${describe(v)}`);
          parts.push(String(v));
        }
        return parts.length === 0 ? null : parts.join(separator);
      },
    };
  }
  if (spec.expr !== undefined) {
    consumed.push(...fieldsOf(spec.expr.tree).flatMap((f) => (f.kind === "field" ? [f.path] : [])));
    return { read: compileExpression(spec.expr.tree), source: `expr: ${spec.expr.text}` };
  }
  const constant = spec.const ?? null;
  return { read: () => constant, source: "const" };
}
