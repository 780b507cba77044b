/** Text transforms: whitespace, case, empty strings, and turning other scalars into text. */
import { describe, ValueError } from "../errors";
import { defineTransform, NoOptions } from "./define";

export function requireText(value: unknown, transform: string): string {
  if (typeof value !== "string") throw new ValueError(`${transform} expects text, got ${describe(value)}`);
  return value;
}

export const trim = defineTransform({ options: NoOptions, build: () => (v) => requireText(v, "trim").trim() });
export const upper = defineTransform({ options: NoOptions, build: () => (v) => requireText(v, "upper").toUpperCase() });
export const lower = defineTransform({ options: NoOptions, build: () => (v) => requireText(v, "lower").toLowerCase() });

const WORD_BREAKS = new Set([" ", "\t", "\n", "\u00a0", "-", "'", "’", "/", "("]);

/** "ACME corp-east" → "Acme Corp-East": a capital at the start and after a space, hyphen, apostrophe, slash or "(". */
export const title = defineTransform({
  options: NoOptions,
  build: () => (v) => {
    let out = "";
    let atBreak = true;
    for (const char of requireText(v, "title").toLowerCase()) {
      out += atBreak ? char.toUpperCase() : char;
      atBreak = WORD_BREAKS.has(char);
    }
    return out;
  },
});

/** Strings are kept as given, "" included; this is the explicit opt-in to read a blank cell as "no value". */
export const emptyAsNull = defineTransform({
  options: NoOptions,
  build: () => (v) => (requireText(v, "empty_as_null").trim() === "" ? null : v),
});

/** Numbers and booleans as text (an id the source sends as a number, a numeric phone column). */
export const toText = defineTransform({
  options: NoOptions,
  build: () => (v) => {
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
    throw new ValueError(`string expects a scalar, got ${describe(v)}`);
  },
});
