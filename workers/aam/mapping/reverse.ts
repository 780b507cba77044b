/**
 * The reverse of a mapping: which canonical fields can be written back to the source, to which source field, and
 * each value in the source's form. A field is writable when it reads one top-level source field (`from`) through
 * transforms that each run backwards (reverse-transforms.ts). Every value is then checked by reading it forwards
 * again: it is accepted only when the mapping turns it back into the very value written, so what the next sync
 * brings is what was written. Not writable, each with its reason: coalesce (which alternative?), concat (the parts
 * cannot be told apart), expr (expressions are not inverted), const (the source has no such field), nested or
 * array paths, and the record's id. `write_back` outputs (format.ts) go to their source field as they are.
 */
import { describe, ValueError } from "./errors";
import { transformChain } from "./compile";
import type { FieldSpec, MappingDocument } from "./format";
import { type Inverse, reverseTransform } from "./reverse-transforms";

/** A writable field: its source field and the value's source form (throws ValueError when a value has none). */
export type FieldReversal = { writable: true; path: string; toSource: (value: unknown) => unknown } | { writable: false; reason: string };

export interface ReverseMapping {
  /** every canonical field the mapping fills, writable or with its reason */
  fields: Record<string, FieldReversal>;
  /** write_back output name → the source field it is written to */
  writeBack: Record<string, string>;
}

export function reverseMapping(document: MappingDocument): ReverseMapping {
  const idPath = document.record_id?.text;
  const fields = Object.fromEntries(Object.entries(document.fields).map(([target, spec]) => [target, reverseField(spec, idPath)]));
  const writeBack = Object.fromEntries(Object.entries(document.write_back ?? {}).map(([name, path]) => [name, path.text]));
  return { fields, writeBack };
}

const no = (reason: string): FieldReversal => ({ writable: false, reason });

function reverseField(spec: FieldSpec, idPath: string | undefined): FieldReversal {
  if (spec.coalesce !== undefined) return no(`it comes from the first of ${spec.coalesce.map((p) => p.text).join(", ")} that has a value: which one to write is ambiguous`);
  if (spec.concat !== undefined) return no(`it joins ${spec.concat.from.map((p) => p.text).join(", ")}: the parts cannot be told apart`);
  if (spec.expr !== undefined) return no(`it is computed by the expression ${spec.expr.text}: expressions are not inverted`);
  if (spec.from === undefined) return no("it is a constant of the mapping: the source has no field for it");
  const { text, path } = spec.from;
  if (path.length !== 1 || !("key" in path[0]!)) return no(`it reads the nested path ${text}: only top-level source fields are written back`);
  if (text === idPath) return no(`it reads ${text}, the record's id`);
  const inverses: Inverse[] = [];
  for (const transform of spec.transforms) {
    const reversal = reverseTransform(transform);
    if (!reversal.ok) return no(reversal.reason);
    inverses.unshift(reversal.inverse);
  }
  const forward = transformChain(spec.transforms);
  const fallback = spec.default;
  return {
    writable: true,
    path: text,
    toSource: (value) => {
      if (value === null || value === undefined) {
        if (fallback !== undefined) throw new ValueError(`null would read back as the mapping's default ${describe(fallback)}`);
        return null;
      }
      let source: unknown = value;
      for (const inverse of inverses) source = source === null ? null : inverse(source as NonNullable<unknown>);
      const back = forward(source) ?? fallback ?? null;
      if (back !== value) throw new ValueError(`${describe(value)} would read back from the source as ${describe(back)}`);
      return source;
    },
  };
}
