/** The transform catalogue: every name a mapping document may use, with its options schema and builder. */
import type { z } from "@hono/zod-openapi";
import { first, join } from "./arrays";
import { boolean } from "./boolean";
import { currency } from "./currency";
import { date, datetime } from "./date";
import type { Transform, TransformDefinition } from "./define";
import { jsonObject } from "./json-object";
import { integer, number, round } from "./number";
import { split } from "./split";
import { emptyAsNull, lower, title, toText, trim, upper } from "./text";
import { map } from "./value-map";

export const transformCatalog = {
  trim,
  upper,
  lower,
  title,
  empty_as_null: emptyAsNull,
  string: toText,
  number,
  integer,
  round,
  boolean,
  date,
  datetime,
  map,
  currency,
  split,
  first,
  join,
  json_object: jsonObject,
} satisfies Record<string, TransformDefinition<z.ZodType>>;

export type TransformName = keyof typeof transformCatalog;

/** A validated transform entry: its name and its options with defaults applied. */
export type TransformSpec = {
  [K in TransformName]: { name: K; options: z.output<(typeof transformCatalog)[K]["options"]> };
}[TransformName];

export function isTransformName(name: string): name is TransformName {
  return Object.hasOwn(transformCatalog, name);
}

export function buildTransform(spec: TransformSpec): Transform {
  // The spec was validated against this very definition's options schema, so the pairing is sound.
  const definition = transformCatalog[spec.name] as TransformDefinition<z.ZodType>;
  return definition.build(spec.options);
}
