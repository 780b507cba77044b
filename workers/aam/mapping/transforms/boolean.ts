/**
 * Booleans from text: true/false, yes/no, y/n, t/f, 1/0, on/off by default (case-insensitive), or the mapping's
 * own words (`{ boolean: { true: [Ja], false: [Nein] } }`). Numbers 1 and 0 are accepted; other numbers and
 * unknown words are errors, never a guess. Empty text is null.
 */
import { z } from "@hono/zod-openapi";
import { describe, ValueError } from "../errors";
import { defineTransform } from "./define";

const DEFAULT_TRUE = ["true", "yes", "y", "t", "1", "on"];
const DEFAULT_FALSE = ["false", "no", "n", "f", "0", "off"];

export const boolean = defineTransform({
  options: z
    .object({ true: z.array(z.coerce.string()).min(1).optional(), false: z.array(z.coerce.string()).min(1).optional() })
    .strict(),
  build: (options) => {
    const words = new Map<string, boolean>();
    for (const w of options.true ?? DEFAULT_TRUE) words.set(w.trim().toLowerCase(), true);
    for (const w of options.false ?? DEFAULT_FALSE) words.set(w.trim().toLowerCase(), false);
    return (value) => {
      if (typeof value === "boolean") return value;
      if (value === 1 || value === 0) return value === 1;
      if (typeof value !== "string") throw new ValueError(`boolean expects text, got ${describe(value)}`);
      const key = value.trim().toLowerCase();
      if (key === "") return null;
      const found = words.get(key);
      if (found === undefined) throw new ValueError(`not a boolean: ${describe(value)}`);
      return found;
    };
  },
});
