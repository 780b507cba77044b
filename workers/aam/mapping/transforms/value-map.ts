/**
 * Value maps: source vocabulary → canonical vocabulary (stage names → status, "Y"/"N" → booleans, codes →
 * labels). Keys match the value's text exactly (numbers and booleans by their text: `true: won`), or ignoring
 * case with `ignore_case`. A value the map does not list is an error unless the mapping says otherwise:
 * `default` (any scalar, null included) replaces it, `keep_unmapped: true` passes it through.
 */
import { z } from "@hono/zod-openapi";
import { describe, ValueError } from "../errors";
import { defineTransform, ScalarSchema } from "./define";

export const map = defineTransform({
  options: z
    .object({
      values: z.record(z.string(), ScalarSchema).refine((v) => Object.keys(v).length > 0, { message: "values must list at least one entry" }),
      default: ScalarSchema.optional(),
      keep_unmapped: z.boolean().default(false),
      ignore_case: z.boolean().default(false),
    })
    .strict()
    .refine((o) => !(o.keep_unmapped && o.default !== undefined), { message: "use either default or keep_unmapped, not both" }),
  build: (options) => {
    const fold = (key: string) => (options.ignore_case ? key.toLowerCase() : key);
    const table = new Map<string, unknown>();
    for (const [key, value] of Object.entries(options.values)) table.set(fold(key), value);
    const hasDefault = options.default !== undefined;
    return (value) => {
      if (typeof value === "object") throw new ValueError(`map expects a scalar, got ${describe(value)}`);
      const key = fold(String(value));
      if (table.has(key)) return table.get(key);
      if (options.keep_unmapped) return value;
      if (hasDefault) return options.default;
      throw new ValueError(`no mapping for ${describe(value)}`);
    };
  },
});
