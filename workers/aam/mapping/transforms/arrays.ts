/** Reducing an array (from a `[*]` path) to the scalar a canonical field holds. */
import { z } from "@hono/zod-openapi";
import { describe, ValueError } from "../errors";
import { defineTransform, NoOptions } from "./define";

function requireArray(value: unknown, transform: string): unknown[] {
  if (!Array.isArray(value)) throw new ValueError(`${transform} expects an array, got ${describe(value)}`);
  return value;
}

/** The first element that is not null (null when there is none). */
export const first = defineTransform({
  options: NoOptions,
  build: () => (v) => requireArray(v, "first").find((item) => item !== null && item !== undefined) ?? null,
});

/** The non-null elements joined into one text; null when none is left. */
export const join = defineTransform({
  options: z.object({ separator: z.string().default(", ") }).strict(),
  build: ({ separator }) => (v) => {
    const parts: string[] = [];
    for (const item of requireArray(v, "join")) {
      if (item === null || item === undefined) continue;
      if (typeof item === "object") throw new ValueError(`join expects scalar elements, got ${describe(item)}`);
      parts.push(String(item));
    }
    return parts.length === 0 ? null : parts.join(separator);
  },
});
