/**
 * A small, strict date/time format parser. Tokens: yyyy, yy (20yy), M, MM, MMM (Jan), MMMM (January), d, dd,
 * H, HH (0–23), h, hh (1–12, with a: AM/PM), m, mm, s, ss, S… (fraction, any number of S), Z (Z, ±HH:MM, ±HHMM,
 * ±HH). Text in single quotes is literal ('T'), as is any character that is not a letter. Anything else is a
 * format error when the mapping compiles, so a typo like `YYYY` is caught before a single record is read.
 * A format compiles once into one anchored regular expression.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** minutes east of UTC when the text carried an offset */
  offsetMinutes?: number;
}

export class DateFormatError extends Error {}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

type Parsing = DateParts & { pm?: boolean; hour12?: number };
type Apply = (parts: Parsing, text: string) => boolean;
type Field = "year" | "month" | "day" | "hour" | "hour12" | "meridiem" | "minute" | "second" | "fraction" | "offset";

interface Token {
  field: Field;
  pattern: string;
  apply: Apply;
}

const num = (field: "year" | "month" | "day" | "hour" | "minute" | "second" | "hour12"): Apply => (p, t) => {
  p[field] = Number(t);
  return true;
};

const TOKENS: Record<string, Token> = {
  yyyy: { field: "year", pattern: "(\\d{4})", apply: num("year") },
  yy: { field: "year", pattern: "(\\d{2})", apply: (p, t) => ((p.year = 2000 + Number(t)), true) },
  MMMM: { field: "month", pattern: "([A-Za-z]+)", apply: (p, t) => monthName(p, t, (m) => m) },
  MMM: { field: "month", pattern: "([A-Za-z]{3})", apply: (p, t) => monthName(p, t, (m) => m.slice(0, 3)) },
  MM: { field: "month", pattern: "(\\d{2})", apply: num("month") },
  M: { field: "month", pattern: "(\\d{1,2})", apply: num("month") },
  dd: { field: "day", pattern: "(\\d{2})", apply: num("day") },
  d: { field: "day", pattern: "(\\d{1,2})", apply: num("day") },
  HH: { field: "hour", pattern: "(\\d{2})", apply: num("hour") },
  H: { field: "hour", pattern: "(\\d{1,2})", apply: num("hour") },
  hh: { field: "hour12", pattern: "(\\d{2})", apply: num("hour12") },
  h: { field: "hour12", pattern: "(\\d{1,2})", apply: num("hour12") },
  a: { field: "meridiem", pattern: "([AaPp][Mm])", apply: (p, t) => ((p.pm = t.toLowerCase() === "pm"), true) },
  mm: { field: "minute", pattern: "(\\d{2})", apply: num("minute") },
  m: { field: "minute", pattern: "(\\d{1,2})", apply: num("minute") },
  ss: { field: "second", pattern: "(\\d{2})", apply: num("second") },
  s: { field: "second", pattern: "(\\d{1,2})", apply: num("second") },
  S: { field: "fraction", pattern: "(\\d{1,9})", apply: (p, t) => ((p.millisecond = Math.floor(Number(`0.${t}`) * 1000)), true) },
  Z: { field: "offset", pattern: "(Z|[+-]\\d{2}(?::?\\d{2})?)", apply: offset },
};

const DATE_FIELDS = new Set<Field>(["year", "month", "day"]);

function monthName(p: DateParts, text: string, form: (m: string) => string): boolean {
  const index = MONTHS.findIndex((m) => form(m) === text.toLowerCase());
  p.month = index + 1;
  return index >= 0;
}

function offset(p: DateParts, text: string): boolean {
  if (text === "Z") {
    p.offsetMinutes = 0;
    return true;
  }
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  p.offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) === "" ? "0" : digits.slice(2)));
  return true;
}

export interface CompiledDateFormat {
  parse(text: string): DateParts | null;
  hasTime: boolean;
}

export function compileDateFormat(format: string): CompiledDateFormat {
  let pattern = "^";
  const appliers: Apply[] = [];
  const used = new Set<Field>();
  let i = 0;
  while (i < format.length) {
    const char = format[i]!;
    if (char === "'") {
      const close = format.indexOf("'", i + 1);
      if (close === -1) throw new DateFormatError(`unclosed quote at position ${i + 1}`);
      pattern += escape(format.slice(i + 1, close));
      i = close + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = i;
      while (format[end] === char) end += 1;
      const run = format.slice(i, end);
      const token = TOKENS[char === "S" ? "S" : run];
      if (token === undefined) throw new DateFormatError(`unknown token "${run}" at position ${i + 1} (use yyyy MM dd HH mm ss…)`);
      if (used.has(token.field)) throw new DateFormatError(`"${run}" repeats the ${token.field} at position ${i + 1}`);
      used.add(token.field);
      pattern += token.pattern;
      appliers.push(token.apply);
      i = end;
    } else {
      pattern += escape(char);
      i += 1;
    }
  }
  if (!used.has("year") || !used.has("month") || !used.has("day")) {
    throw new DateFormatError("a format needs a year (yyyy), a month (MM) and a day (dd)");
  }
  if (used.has("hour12") !== used.has("meridiem")) throw new DateFormatError("h/hh (12-hour clock) and a (AM/PM) go together");
  if (used.has("hour12") && used.has("hour")) throw new DateFormatError("use either H/HH or h/hh, not both");
  const regex = new RegExp(`${pattern}$`);
  return {
    hasTime: [...used].some((f) => !DATE_FIELDS.has(f)),
    parse(text) {
      const match = regex.exec(text);
      if (match === null) return null;
      const parts: Parsing = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
      for (let n = 0; n < appliers.length; n += 1) if (!appliers[n]!(parts, match[n + 1]!)) return null;
      if (parts.hour12 !== undefined) {
        if (parts.hour12 < 1 || parts.hour12 > 12) return null;
        parts.hour = (parts.hour12 % 12) + (parts.pm === true ? 12 : 0);
      }
      return parts;
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The calendar check the format's regex cannot do: 2025-02-30 and 24:00 are errors, not rolled over. */
export function validParts(p: DateParts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > daysInMonth(p.year, p.month)) return false;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  return p.offsetMinutes === undefined || Math.abs(p.offsetMinutes) <= 18 * 60;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
