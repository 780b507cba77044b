/**
 * Splitting one text into parts (a full name into first and last). Parts are trimmed and empty ones dropped;
 * the default separator " " splits on any run of whitespace. `take` picks: `first`, `last`, `rest` (all after the
 * first, re-joined), `init` (all before the last, re-joined) or an index. With a single part, `first` and `last`
 * are that part and `rest`/`init` are null: "Cher" → first_name "Cher", last_name null. A missing index is null.
 */
import { z } from "@hono/zod-openapi";
import { defineTransform } from "./define";
import { requireText } from "./text";

export const split = defineTransform({
  options: z
    .object({
      separator: z.string().min(1).default(" "),
      take: z.union([z.enum(["first", "last", "rest", "init"]), z.number().int().min(0)]),
    })
    .strict(),
  build: ({ separator, take }) => {
    const splitter: string | RegExp = separator === " " ? /\s+/ : separator;
    return (value) => {
      const parts = requireText(value, "split")
        .split(splitter)
        .map((p) => p.trim())
        .filter((p) => p !== "");
      if (parts.length === 0) return null;
      switch (take) {
        case "first":
          return parts[0];
        case "last":
          return parts[parts.length - 1];
        case "rest":
          return parts.length < 2 ? null : parts.slice(1).join(separator);
        case "init":
          return parts.length < 2 ? null : parts.slice(0, -1).join(separator);
        default:
          return parts[take] ?? null;
      }
    };
  },
});
