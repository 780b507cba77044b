/**
 * A small, safe expression language for computed fields, parsed by this recursive-descent parser (no eval, no
 * new Function: workerd forbids both, and we would not want them). Syntax, loosest binding first:
 *   c ? a : b   ||   &&   == !=   < <= > >=   + -   * / %   ! - (unary)
 * Operands: numbers, 'text' or "text", true, false, null, fields (`Amount`, `Owner.Name`, `Contacts[0].Email`,
 * or any path in backticks: `Annual Revenue (EUR)`), calls to the functions in functions.ts, and parentheses.
 * Everything is decided here, once: unknown functions, wrong arity, and names that could reach the JavaScript
 * object model (`this`, `constructor`, `__proto__`, `prototype`) are parse errors.
 */
import { parsePath, PathSyntaxError } from "../path";
import type { BinaryOperator, Expression } from "./ast";
import { expressionFunctions } from "./functions";

export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly column: number) {
    super(`${message} at column ${column}`);
  }
}

type Token =
  | { type: "number"; value: number; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "name"; value: string; at: number }
  | { type: "field"; value: string; at: number }
  | { type: "op"; value: string; at: number }
  | { type: "end"; at: number };

const FORBIDDEN = new Set(["this", "constructor", "__proto__", "prototype", "globalThis", "eval", "Function"]);
const OPERATORS = ["&&", "||", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", "(", ")", ","];
const MAX_LENGTH = 2000;

function tokenize(source: string): Token[] {
  if (source.length > MAX_LENGTH) throw new ExpressionSyntaxError(`expression longer than ${MAX_LENGTH} characters`, 1);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const at = i + 1;
    if (/\s/.test(char)) {
      i += 1;
    } else if (/\d/.test(char)) {
      const m = /^\d+(\.\d+)?/.exec(source.slice(i))!;
      tokens.push({ type: "number", value: Number(m[0]), at });
      i += m[0].length;
    } else if (char === "'" || char === '"') {
      let value = "";
      let j = i + 1;
      for (; j < source.length && source[j] !== char; j += 1) {
        let c = source[j]!;
        if (c === "\\") {
          j += 1;
          if (j === source.length) break;
          c = source[j] === "n" ? "\n" : source[j]!;
        }
        value += c;
      }
      if (j >= source.length) throw new ExpressionSyntaxError("unterminated text", at);
      tokens.push({ type: "string", value, at });
      i = j + 1;
    } else if (char === "`") {
      const close = source.indexOf("`", i + 1);
      if (close === -1) throw new ExpressionSyntaxError("unterminated `field`", at);
      tokens.push({ type: "field", value: source.slice(i + 1, close), at });
      i = close + 1;
    } else if (/[A-Za-z_]/.test(char)) {
      // A name, possibly continued into a path: Owner.Name, Contacts[0].Email, Items[*].Price
      const m = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[(?:\d+|\*)\])*/.exec(source.slice(i))!;
      tokens.push({ type: m[0].includes(".") || m[0].includes("[") ? "field" : "name", value: m[0], at });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (op === undefined) throw new ExpressionSyntaxError(`unexpected "${char}"`, at);
      tokens.push({ type: "op", value: op, at });
      i += op.length;
    }
  }
  tokens.push({ type: "end", at: source.length + 1 });
  return tokens;
}

const BINARY_LEVELS: BinaryOperator[][] = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
const MAX_DEPTH = 64;

export function parseExpression(source: string): Expression {
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const isOp = (value: string) => {
    const t = peek();
    return t.type === "op" && t.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new ExpressionSyntaxError(`expected "${value}"`, peek().at);
    pos += 1;
  };

  function conditional(): Expression {
    if (++depth > MAX_DEPTH) throw new ExpressionSyntaxError("expression nested too deeply", peek().at);
    const test = binary(0);
    let result = test;
    if (isOp("?")) {
      pos += 1;
      const then = conditional();
      expect(":");
      result = { kind: "conditional", at: test.at, test, then, otherwise: conditional() };
    }
    depth -= 1;
    return result;
  }

  function binary(level: number): Expression {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      const operator = BINARY_LEVELS[level]!.find((o) => t.type === "op" && t.value === o);
      if (operator === undefined) return left;
      pos += 1;
      left = { kind: "binary", at: t.at, operator, left, right: binary(level + 1) };
    }
  }

  function unary(): Expression {
    const t = peek();
    if (t.type === "op" && (t.value === "!" || t.value === "-")) {
      pos += 1;
      if (++depth > MAX_DEPTH) throw new ExpressionSyntaxError("expression nested too deeply", t.at);
      const operand = unary();
      depth -= 1;
      return { kind: "unary", at: t.at, operator: t.value, operand };
    }
    return primary();
  }

  function primary(): Expression {
    const t = peek();
    pos += 1;
    switch (t.type) {
      case "number":
      case "string":
        return { kind: "literal", at: t.at, value: t.value };
      case "field":
        return field(t.value, t.at);
      case "name": {
        if (t.value === "true" || t.value === "false") return { kind: "literal", at: t.at, value: t.value === "true" };
        if (t.value === "null") return { kind: "literal", at: t.at, value: null };
        if (FORBIDDEN.has(t.value)) throw new ExpressionSyntaxError(`"${t.value}" is not allowed`, t.at);
        if (isOp("(")) return call(t.value, t.at);
        return field(t.value, t.at);
      }
      case "op":
        if (t.value === "(") {
          const inner = conditional();
          expect(")");
          return inner;
        }
        throw new ExpressionSyntaxError(`unexpected "${t.value}"`, t.at);
      case "end":
        throw new ExpressionSyntaxError("unexpected end of expression", t.at);
    }
  }

  function call(name: string, at: number): Expression {
    const definition = Object.hasOwn(expressionFunctions, name) ? expressionFunctions[name] : undefined;
    if (definition === undefined) throw new ExpressionSyntaxError(`unknown function "${name}"`, at);
    expect("(");
    const args: Expression[] = [];
    if (!isOp(")")) {
      args.push(conditional());
      while (isOp(",")) {
        pos += 1;
        args.push(conditional());
      }
    }
    expect(")");
    if (args.length < definition.min || args.length > definition.max) {
      const arity = definition.min === definition.max ? `${definition.min}` : `${definition.min}–${definition.max}`;
      throw new ExpressionSyntaxError(`${name}() takes ${arity} argument(s), got ${args.length}`, at);
    }
    return { kind: "call", at, name, args };
  }

  function field(text: string, at: number): Expression {
    try {
      return { kind: "field", at, path: parsePath(text), text };
    } catch (error) {
      if (error instanceof PathSyntaxError) throw new ExpressionSyntaxError(`bad field "${text}": ${error.message}`, at);
      throw error;
    }
  }

  const tree = conditional();
  if (peek().type !== "end") throw new ExpressionSyntaxError("unexpected text after the expression", peek().at);
  return tree;
}

/** Every field path an expression reads (they count as consumed, so they stay out of `extras`). */
export function fieldsOf(expression: Expression): Expression[] {
  switch (expression.kind) {
    case "field":
      return [expression];
    case "literal":
      return [];
    case "unary":
      return fieldsOf(expression.operand);
    case "binary":
      return [...fieldsOf(expression.left), ...fieldsOf(expression.right)];
    case "conditional":
      return [...fieldsOf(expression.test), ...fieldsOf(expression.then), ...fieldsOf(expression.otherwise)];
    case "call":
      return expression.args.flatMap(fieldsOf);
  }
}
