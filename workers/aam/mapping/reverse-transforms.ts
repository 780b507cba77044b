/**
 * Each transform, run backwards: how a canonical value goes back into the source's form, or why it cannot. A
 * reversal may still fail for one value (a map with two source values for it); reverse.ts then reads the result
 * forwards again and accepts it only when it gives back the very value written, so a reversal never needs to be
 * exact, only honest.
 *
 *   trim, upper, lower, title, empty_as_null, round, currency, number, integer, boolean  the value as it is
 *   date, datetime   ISO text (the default format), epoch numbers, or the mapping's format written out
 *   map              the one source value the map turns into the value (several: ambiguous, an error)
 *   number/integer with a locale or decimal, boolean with its own words, string, split, first, join, json_object:
 *   not writable
 */
import { describe, ValueError } from "./errors";
import type { TransformSpec } from "./transforms";

export type Inverse = (value: NonNullable<unknown>) => unknown;
export type Reversal = { ok: true; inverse: Inverse } | { ok: false; reason: string };

const same: Reversal = { ok: true, inverse: (value) => value };
const no = (reason: string): Reversal => ({ ok: false, reason });

export function reverseTransform(spec: TransformSpec): Reversal {
  switch (spec.name) {
    case "trim":
    case "upper":
    case "lower":
    case "title":
    case "empty_as_null":
    case "round":
    case "currency":
      return same;
    case "number":
    case "integer":
      if (spec.options.locale === undefined && spec.options.decimal === undefined) return same;
      return no(`${spec.name} reads text formatted for ${spec.options.locale ?? `decimal "${spec.options.decimal}"`}: numbers are not formatted back into the source's text`);
    case "boolean":
      return spec.options.true === undefined && spec.options.false === undefined ? same : no("boolean reads the source's own words: a yes/no is not written back as them");
    case "string":
      return no("string turns the source's numbers or booleans into text: the source's own type is not known");
    case "date":
    case "datetime":
      return reverseDate(spec.name, spec.options.format, spec.options.zone);
    case "map":
      return reverseMap(spec.options);
    case "split":
      return no("split takes one part of a source text: writing it would drop the other parts");
    case "first":
    case "join":
      return no(`${spec.name} reduces a source array to one value: the array cannot be rebuilt from it`);
    case "json_object":
      return no("json_object reads a JSON text or an object: which of the two the source holds is not known");
  }
}

type MapOptions = Extract<TransformSpec, { name: "map" }>["options"];

function reverseMap(options: MapOptions): Reversal {
  const entries = Object.entries(options.values);
  return {
    ok: true,
    inverse: (value) => {
      const keys = entries.filter(([, out]) => out === value).map(([key]) => key);
      if (keys.length === 1) return keys[0];
      if (keys.length > 1) throw new ValueError(`${describe(value)} stands for several source values (${keys.join(", ")}): which one to write is ambiguous`);
      if (options.keep_unmapped) return value;
      throw new ValueError(`no source value maps to ${describe(value)}`);
    },
  };
}

function reverseDate(kind: "date" | "datetime", format: string, zone: string): Reversal {
  const instant = (value: NonNullable<unknown>): Date => {
    const date = typeof value === "string" ? new Date(kind === "date" ? `${value}T00:00:00Z` : value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new ValueError(`not a ${kind}: ${describe(value)}`);
    return date;
  };
  if (format === "iso") return same;
  if (format === "epoch_seconds") return { ok: true, inverse: (value) => instant(value).getTime() / 1000 };
  if (format === "epoch_millis") return { ok: true, inverse: (value) => instant(value).getTime() };
  const tokens = dateTokens(format);
  // Without an offset in the text, a datetime is wall time in `zone`; only UTC's wall time is the instant itself.
  if (kind === "datetime" && zone !== "UTC" && !tokens.some((t) => t.startsWith("Z"))) {
    return no(`datetime reads wall time in ${zone}: instants are not converted back to it`);
  }
  return { ok: true, inverse: (value) => tokens.map((token) => formatToken(token, instant(value))).join("") };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date format (date-format.ts) as runs of one letter, and literals prefixed with "'"; the format compiled already. */
function dateTokens(format: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < format.length) {
    const char = format[i]!;
    if (char === "'") {
      const close = format.indexOf("'", i + 1);
      tokens.push(`'${format.slice(i + 1, close)}`);
      i = close + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = i;
      while (format[end] === char) end += 1;
      tokens.push(format.slice(i, end));
      i = end;
    } else {
      tokens.push(`'${char}`);
      i += 1;
    }
  }
  return tokens;
}

/** One token of the instant in UTC. */
function formatToken(token: string, d: Date): string {
  if (token.startsWith("'")) return token.slice(1);
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  switch (token[0]) {
    case "y":
      return token.length === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), 4);
    case "M":
      if (token.length >= 3) return token.length === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : MONTHS[d.getUTCMonth()]!;
      return token.length === 2 ? pad(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
    case "d":
      return token.length === 2 ? pad(d.getUTCDate()) : String(d.getUTCDate());
    case "H":
      return token.length === 2 ? pad(d.getUTCHours()) : String(d.getUTCHours());
    case "h":
      return token.length === 2 ? pad(hour12) : String(hour12);
    case "a":
      return d.getUTCHours() < 12 ? "AM" : "PM";
    case "m":
      return token.length === 2 ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes());
    case "s":
      return token.length === 2 ? pad(d.getUTCSeconds()) : String(d.getUTCSeconds());
    case "S":
      return pad(d.getUTCMilliseconds(), 3).padEnd(token.length, "0").slice(0, token.length);
    default:
      return "Z"; // the only other token compileDateFormat accepts
  }
}
