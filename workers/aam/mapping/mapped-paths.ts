/**
 * The source paths a mapping reads, per canonical target, written as the schema observer writes observed fields
 * (drift/field-path.ts) so the two compare as text. A target is lost when one of its paths is gone (`from`, `concat`,
 * `expr`, record_id), except a `coalesce`, which is lost only when every alternative is gone. `const` reads nothing.
 * A field with a `default` is optional: the mapping expects the source may lack it. A required target is one the
 * entity never allows null (source_id, name…): without its path no record maps.
 */
import type { z } from "@hono/zod-openapi";
import { entitySchemas } from "../../canonical/entities";
import { observedPathOf } from "../drift/field-path";
import { fieldsOf } from "./expression/parse";
import type { FieldSpec, MappedPath, MappingDocument } from "./format";

export interface MappedTarget {
  /** the canonical field (`source_id` for record_id) */
  target: string;
  paths: string[];
  /** `all`: lost only when every path is gone (coalesce); `any`: lost when one is */
  lostWhen: "any" | "all";
  /** the mapping gives a `default`: it expects the source may not send the path (e.g. a field only some orgs have) */
  optional: boolean;
  /** the entity's schema rejects null for it */
  required: boolean;
}

export interface MappedPaths {
  targets: MappedTarget[];
  /** paths the mapping deliberately leaves out (source metadata): their changes matter to nobody */
  ignored: string[];
}

export function mappedPaths(document: MappingDocument): MappedPaths {
  const shape: Record<string, z.ZodType> = entitySchemas[document.entity].shape;
  const targets = Object.entries(document.fields).flatMap(([target, spec]) => {
    const read = readsOf(spec);
    return read === undefined ? [] : [{ target, ...read, optional: spec.default !== undefined, required: shape[target]?.safeParse(null).success === false }];
  });
  if (document.record_id !== undefined) {
    targets.unshift({ target: "source_id", paths: pathsOf([document.record_id]), lostWhen: "any", optional: false, required: true });
  }
  return { targets, ignored: pathsOf(document.ignore) };
}

/** The canonical field the mapping fills from the path, or null when it only feeds extras. */
export function targetOf(mapped: MappedPaths, path: string): string | null {
  return mapped.targets.find((t) => t.paths.includes(path))?.target ?? null;
}

function readsOf(spec: FieldSpec): Pick<MappedTarget, "paths" | "lostWhen"> | undefined {
  if (spec.from !== undefined) return { paths: pathsOf([spec.from]), lostWhen: "any" };
  if (spec.coalesce !== undefined) return { paths: pathsOf(spec.coalesce), lostWhen: "all" };
  if (spec.concat !== undefined) return { paths: pathsOf(spec.concat.from), lostWhen: "any" };
  if (spec.expr !== undefined) {
    const fields = fieldsOf(spec.expr.tree).flatMap((field) => (field.kind === "field" ? [field.path] : []));
    return fields.length === 0 ? undefined : { paths: distinct(fields.map(observedPathOf)), lostWhen: "any" };
  }
  return undefined;
}

function pathsOf(paths: readonly MappedPath[]): string[] {
  return distinct(paths.map((p) => observedPathOf(p.path)));
}

function distinct(paths: string[]): string[] {
  return [...new Set(paths)];
}
