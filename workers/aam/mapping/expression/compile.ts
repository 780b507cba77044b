/**
 * Expression tree → closure, once per mapping: evaluating a record calls plain functions, it never walks the
 * tree. Semantics are strict and explicit:
 * - null propagates through arithmetic, ordering and functions (null + 1 → null); `==`/`!=` compare it normally.
 * - `+` adds numbers, or joins when either side is text (a number is written out); other mixes are errors.
 * - `&&`, `||`, `!` and `? :` need booleans (short-circuit); null or any other type there is an error, never
 *   a truthiness guess (0, "" and false are data).
 * - Division or remainder by zero, and any non-finite result, is an error (never Infinity or NaN).
 * - `==` is strict: 1 == "1" is false. Ordering needs two numbers or two texts.
 * - A field the record does not have at all (no such top-level key) is an error, "unknown field": in an
 *   expression that is almost always a typo. A field that is present but null is null. Directly inside
 *   `coalesce(…)` an absent field reads as null: that is how a mapping says a field may be missing.
 */
import { describe, ValueError } from "../errors";
import { pathReader, type SourcePath } from "../path";
import type { BinaryOperator, Expression } from "./ast";
import { expressionFunctions } from "./functions";

export type Evaluate = (record: unknown) => unknown;

export function compileExpression(expression: Expression): Evaluate {
  switch (expression.kind) {
    case "literal": {
      const value = expression.value;
      return () => value;
    }
    case "field":
      return knownField(expression.path, expression.text);
    case "unary": {
      const operand = compileExpression(expression.operand);
      return expression.operator === "!"
        ? (r) => !bool(operand(r), "!")
        : (r) => {
            const v = operand(r);
            return v === null ? null : -numeric(v, "-");
          };
    }
    case "conditional": {
      const test = compileExpression(expression.test);
      const then = compileExpression(expression.then);
      const otherwise = compileExpression(expression.otherwise);
      return (r) => (bool(test(r), "?:") ? then(r) : otherwise(r));
    }
    case "call": {
      const fn = expressionFunctions[expression.name]!.call;
      const args = expression.args.map((arg) =>
        expression.name === "coalesce" && arg.kind === "field" ? pathReader(arg.path) : compileExpression(arg),
      );
      return (r) => fn(args.map((a) => a(r)));
    }
    case "binary":
      return binary(expression.operator, compileExpression(expression.left), compileExpression(expression.right));
  }
}

function knownField(path: SourcePath, text: string): Evaluate {
  const read = pathReader(path);
  const first = path[0];
  const key = first !== undefined && "key" in first ? first.key : undefined;
  return (record) => {
    if (key !== undefined && (typeof record !== "object" || record === null || !Object.hasOwn(record, key))) {
      throw new ValueError(`unknown field "${text}"`);
    }
    return read(record);
  };
}

function binary(operator: BinaryOperator, left: Evaluate, right: Evaluate): Evaluate {
  switch (operator) {
    case "&&":
      return (r) => bool(left(r), "&&") && bool(right(r), "&&");
    case "||":
      return (r) => bool(left(r), "||") || bool(right(r), "||");
    case "==":
      return (r) => equal(left(r), right(r));
    case "!=":
      return (r) => !equal(left(r), right(r));
    default: {
      const apply = arithmetic[operator];
      return (r) => {
        const a = left(r);
        const b = right(r);
        return a === null || b === null ? null : apply(a, b);
      };
    }
  }
}

const arithmetic: Record<"+" | "-" | "*" | "/" | "%" | "<" | "<=" | ">" | ">=", (a: unknown, b: unknown) => unknown> = {
  "+": (a, b) => {
    if (typeof a === "number" && typeof b === "number") return finite(a + b, "+");
    if ((typeof a === "string" && scalarText(b)) || (typeof b === "string" && scalarText(a))) return `${String(a)}${String(b)}`;
    throw new ValueError(`cannot add ${describe(a)} and ${describe(b)}`);
  },
  "-": (a, b) => finite(numeric(a, "-") - numeric(b, "-"), "-"),
  "*": (a, b) => finite(numeric(a, "*") * numeric(b, "*"), "*"),
  "/": (a, b) => finite(numeric(a, "/") / nonZero(numeric(b, "/")), "/"),
  "%": (a, b) => finite(numeric(a, "%") % nonZero(numeric(b, "%")), "%"),
  "<": (a, b) => compare(a, b, "<") < 0,
  "<=": (a, b) => compare(a, b, "<=") <= 0,
  ">": (a, b) => compare(a, b, ">") > 0,
  ">=": (a, b) => compare(a, b, ">=") >= 0,
};

function scalarText(v: unknown): boolean {
  return typeof v === "string" || typeof v === "number";
}

function bool(v: unknown, operator: string): boolean {
  if (typeof v !== "boolean") throw new ValueError(`${operator} needs a boolean, got ${describe(v)}`);
  return v;
}

function numeric(v: unknown, operator: string): number {
  if (typeof v !== "number") throw new ValueError(`${operator} needs numbers, got ${describe(v)}`);
  return v;
}

function nonZero(n: number): number {
  if (n === 0) throw new ValueError("division by zero");
  return n;
}

function finite(n: number, operator: string): number {
  if (!Number.isFinite(n)) throw new ValueError(`${operator} gave a non-finite result`);
  return n;
}

function equal(a: unknown, b: unknown): boolean {
  if ((typeof a === "object" && a !== null) || (typeof b === "object" && b !== null)) {
    throw new ValueError(`== compares scalars, got ${describe(typeof a === "object" ? a : b)}`);
  }
  return a === b;
}

function compare(a: unknown, b: unknown, operator: string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  throw new ValueError(`${operator} needs two numbers or two texts, got ${describe(a)} and ${describe(b)}`);
}
