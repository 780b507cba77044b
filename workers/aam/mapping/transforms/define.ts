/**
 * What a transform is: a zod schema for its options (validated with the mapping document, so a bad option fails
 * with its line) and a builder that turns valid options into a plain function, once, at compile time.
 * A built transform never sees null: the chain stops at the first null (null in → null out), so `0`, `""` and
 * `false` are the only "empty-looking" values a transform handles, and it treats them as data.
 */
import { z } from "@hono/zod-openapi";

export type Transform = (value: NonNullable<unknown>) => unknown;

export interface TransformDefinition<O extends z.ZodType> {
  options: O;
  build(options: z.output<O>): Transform;
}

export function defineTransform<O extends z.ZodType>(definition: TransformDefinition<O>): TransformDefinition<O> {
  return definition;
}

/** Options of a transform that takes none (`trim` or `{ trim: {} }`). */
export const NoOptions = z.object({}).strict();

/** A literal a mapping can produce: what YAML scalars are. */
export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
