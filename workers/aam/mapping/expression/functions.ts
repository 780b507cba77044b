/**
 * The functions expressions may call: a fixed list, checked (name and arity) when the expression is parsed.
 * Null in → null out, except `coalesce` and `concat`, whose point is to skip nulls.
 */
import { describe, ValueError } from "../errors";
import { roundHalfAwayFromZero } from "../transforms/number";

type Fn = (args: unknown[]) => unknown;

interface FunctionDefinition {
  min: number;
  max: number;
  call: Fn;
}

const text = (name: string, v: unknown): string => {
  if (typeof v !== "string") throw new ValueError(`${name}() expects text, got ${describe(v)}`);
  return v;
};
const num = (name: string, v: unknown): number => {
  if (typeof v !== "number") throw new ValueError(`${name}() expects a number, got ${describe(v)}`);
  return v;
};
const anyNull = (args: unknown[]) => args.some((a) => a === null);
/** Unary string/number helpers: null passes through. */
const nullSafe = (call: Fn): Fn => (args) => (anyNull(args) ? null : call(args));

export const expressionFunctions: Record<string, FunctionDefinition> = {
  lower: { min: 1, max: 1, call: nullSafe(([v]) => text("lower", v).toLowerCase()) },
  upper: { min: 1, max: 1, call: nullSafe(([v]) => text("upper", v).toUpperCase()) },
  trim: { min: 1, max: 1, call: nullSafe(([v]) => text("trim", v).trim()) },
  len: { min: 1, max: 1, call: nullSafe(([v]) => text("len", v).length) },
  contains: { min: 2, max: 2, call: nullSafe(([s, part]) => text("contains", s).includes(text("contains", part))) },
  abs: { min: 1, max: 1, call: nullSafe(([v]) => Math.abs(num("abs", v))) },
  round: {
    min: 1,
    max: 2,
    call: nullSafe(([v, digits = 0]) => {
      const d = num("round", digits);
      if (!Number.isInteger(d) || d < 0 || d > 10) throw new ValueError(`round() takes 0–10 digits, got ${describe(digits)}`);
      return roundHalfAwayFromZero(num("round", v), d);
    }),
  },
  min: { min: 1, max: 32, call: nullSafe((args) => Math.min(...args.map((a) => num("min", a)))) },
  max: { min: 1, max: 32, call: nullSafe((args) => Math.max(...args.map((a) => num("max", a)))) },
  number: {
    min: 1,
    max: 1,
    call: nullSafe(([v]) => {
      if (typeof v === "number") return v;
      const t = text("number", v).trim();
      if (t === "") return null;
      if (!/^[-+]?\d+(\.\d+)?$/.test(t)) throw new ValueError(`number() cannot read ${describe(v)} (use the number transform for locale formats)`);
      return Number(t);
    }),
  },
  string: {
    min: 1,
    max: 1,
    call: nullSafe(([v]) => {
      if (typeof v === "object") throw new ValueError(`string() expects a scalar, got ${describe(v)}`);
      return String(v);
    }),
  },
  coalesce: { min: 1, max: 32, call: (args) => args.find((a) => a !== null) ?? null },
  concat: {
    min: 1,
    max: 32,
    call: (args) => {
      const present = args.filter((a) => a !== null);
      if (present.length === 0) return null;
      return present.map((a) => (typeof a === "object" ? text("concat", a) : String(a))).join("");
    },
  },
};
