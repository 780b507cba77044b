/**
 * Number parsing for what exports really contain: locale separators ("1.234,56" de-DE, "1,234.56" en-US,
 * "1 234,56" fr-FR with a narrow no-break space, "1'234.56" de-CH), currency symbols or codes around the amount,
 * a sign before or after it, accounting negatives "(1,234)" and a trailing "%" (the value stays in percent).
 * Grouping is checked (groups of three after the first), so a number written for another locale is an error,
 * never silently a different number: "1.234,56" under en-US fails instead of becoming 1.23456.
 * An empty or blank string is null (no value), not 0.
 */
import { z } from "@hono/zod-openapi";
import { describe, ValueError } from "../errors";
import { defineTransform } from "./define";

const SPACES = new Set([" ", "\u00a0", "\u202f", "\u2009"]);
const APOSTROPHES = new Set(["'", "’"]);
const CURRENCY_PREFIX = /^(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₹₩₽₺₪])\s*/u;
const CURRENCY_SUFFIX = /\s*(?:[A-Z]{3}|[$€£¥₹₩₽₺₪])$/u;
const MINUS = /^[-−]/u;

export const NumberOptionsSchema = z
  .object({
    /** BCP 47 locale whose separators the text uses; en-US when neither this nor `decimal` is given */
    locale: z
      .string()
      .refine(isSupportedLocale, { message: "unknown or unsupported locale" })
      .optional(),
    /** the decimal separator, overriding the locale's */
    decimal: z.enum([".", ","]).optional(),
  })
  .strict();
export type NumberOptions = z.infer<typeof NumberOptionsSchema>;

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0;
  } catch {
    return false; // not even a well-formed language tag
  }
}

interface Separators {
  decimal: string;
  isGroup: (char: string) => boolean;
}

function separators(options: NumberOptions): Separators {
  const parts = new Intl.NumberFormat(options.locale ?? "en-US").formatToParts(12345.6);
  const decimal = options.decimal ?? parts.find((p) => p.type === "decimal")?.value ?? ".";
  const localeGroup = parts.find((p) => p.type === "group")?.value ?? ",";
  // An explicit decimal separator implies the usual group separator opposite to it.
  const group = options.decimal === undefined ? localeGroup : options.decimal === "," ? "." : ",";
  // Exports mix the space characters (and apostrophes) a locale groups with; any one of the family is accepted.
  const family = SPACES.has(group) ? SPACES : APOSTROPHES.has(group) ? APOSTROPHES : new Set([group]);
  return { decimal, isGroup: (c) => family.has(c) };
}

export function numberParser(options: NumberOptions): (value: NonNullable<unknown>) => number | null {
  const seps = separators(options);
  return (value) => {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new ValueError(`not a finite number: ${value}`);
      return value;
    }
    if (typeof value !== "string") throw new ValueError(`number expects text or a number, got ${describe(value)}`);
    return parseNumberText(value, seps);
  };
}

function parseNumberText(text: string, seps: Separators): number | null {
  let t = text.trim();
  if (t === "") return null;
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const takeSign = () => {
    if (MINUS.test(t)) {
      if (negative) throw new ValueError(`more than one sign in ${describe(text)}`);
      negative = true;
      t = t.slice(1).trimStart();
    } else if (t.startsWith("+")) t = t.slice(1).trimStart();
  };
  takeSign();
  t = t.replace(CURRENCY_PREFIX, "");
  takeSign();
  t = t.replace(CURRENCY_SUFFIX, "");
  if (t.endsWith("%")) t = t.slice(0, -1).trimEnd();
  if (t.endsWith("-") || t.endsWith("−")) {
    if (negative) throw new ValueError(`more than one sign in ${describe(text)}`);
    negative = true;
    t = t.slice(0, -1).trimEnd();
  }
  const [integerPart = "", fraction, ...more] = t.split(seps.decimal);
  if (more.length > 0) throw new ValueError(`more than one decimal separator "${seps.decimal}" in ${describe(text)}`);
  if (fraction !== undefined && !/^\d+$/.test(fraction)) throw new ValueError(`not a number: ${describe(text)}`);
  const digits = ungroup(integerPart, seps, text);
  if (digits === "" && fraction === undefined) throw new ValueError(`not a number: ${describe(text)}`);
  const n = Number(`${digits === "" ? "0" : digits}.${fraction ?? "0"}`);
  return negative ? -n : n;
}

/** The integer part's digits, after checking its group separators sit every three digits. */
function ungroup(integerPart: string, seps: Separators, text: string): string {
  let digits = "";
  let group = "";
  const groups: string[] = [];
  for (const char of integerPart) {
    if (char >= "0" && char <= "9") group += char;
    else if (seps.isGroup(char)) {
      groups.push(group);
      group = "";
    } else throw new ValueError(`not a number: ${describe(text)}`);
  }
  groups.push(group);
  if (groups.length > 1) {
    const [head = "", ...tail] = groups;
    if (head.length < 1 || head.length > 3 || tail.some((g) => g.length !== 3)) {
      throw new ValueError(`misplaced group separator in ${describe(text)} (decimal separator here is "${seps.decimal}")`);
    }
  }
  for (const g of groups) digits += g;
  return digits;
}

export const number = defineTransform({ options: NumberOptionsSchema, build: numberParser });

/** A whole number (employee counts): parsed like `number`, then a fraction is an error, not rounded away. */
export const integer = defineTransform({
  options: NumberOptionsSchema,
  build: (options) => {
    const parse = numberParser(options);
    return (value) => {
      const n = parse(value);
      if (n !== null && !Number.isSafeInteger(n)) throw new ValueError(`not a whole number: ${describe(value)}`);
      return n;
    };
  },
});

/**
 * Half away from zero at `digits` decimals, on the decimal text rather than the binary value, so 1.005 → 1.01
 * (1.005 * 100 is 100.49999… in binary floating point and would round down).
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  // Exponent notation appears only below 1e-6 (0 at up to 6 digits) or from 1e21 up (already whole numbers).
  if (text.includes("e")) return magnitude < 1 && digits < 7 ? 0 : value;
  return Math.sign(value) * Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
}

/** Rounds half away from zero to `digits` decimals (money to cents); expects a number (after `number`). */
export const round = defineTransform({
  options: z.object({ digits: z.number().int().min(0).max(10).default(0) }).strict(),
  build: ({ digits }) => (value) => {
    if (typeof value !== "number") throw new ValueError(`round expects a number, got ${describe(value)}`);
    return roundHalfAwayFromZero(value, digits);
  },
});
