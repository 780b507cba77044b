import { describe, expect, it } from "vitest";
import { parseExpression } from "../../../../workers/aam/mapping/expression/parse";
import { evaluate } from "./helpers";

// Names that could reach JavaScript's object model are refused when the mapping loads, never evaluated.
const refused: [expression: string, message: string][] = [
  ["this", '"this" is not allowed'],
  ["constructor", '"constructor" is not allowed'],
  ["__proto__", '"__proto__" is not allowed'],
  ["prototype", '"prototype" is not allowed'],
  ["Name.constructor", '"constructor" is not allowed in a path'],
  ["Name.__proto__.polluted", '"__proto__" is not allowed in a path'],
  ["`__proto__`", '"__proto__" is not allowed in a path'],
  ['`["constructor"]`', '"constructor" is not allowed in a path'],
  ["constructor('return 1')", '"constructor" is not allowed'],
  ["eval('1')", '"eval" is not allowed'],
  ["Function('return 1')", '"Function" is not allowed'],
  ["globalThis", '"globalThis" is not allowed'],
  ["toString(1)", 'unknown function "toString"'],
  ["hasOwnProperty('x')", 'unknown function "hasOwnProperty"'],
  ["Name[\"x\"]", 'unexpected "[" at column 5'],
  ["x.y()", "unexpected text after the expression at column 4"],
];

describe("expression sandbox", () => {
  it.each(refused)("refuses %s at parse time", (expression, message) => {
    expect(() => parseExpression(expression)).toThrow(message);
  });

  it("reads only the record's own fields, never inherited ones", () => {
    const record = Object.create({ inherited: "from the prototype" }) as Record<string, unknown>;
    record.own = "mine";
    expect(evaluate("coalesce(inherited, own)", record)).toEqual({ value: "mine" });
    expect(evaluate("inherited", record)).toEqual({ error: 'unknown field "inherited"' });
    expect(evaluate("toString", {})).toEqual({ error: 'unknown field "toString"' });
    expect(evaluate("coalesce(valueOf, hasOwnProperty) == null", {})).toEqual({ value: true });
  });

  it("cannot pollute prototypes through a source key named __proto__", () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(evaluate("a + 1", record)).toEqual({ value: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses over-long expressions", () => {
    expect(() => parseExpression(`1${" + 1".repeat(600)}`)).toThrow("longer than 2000 characters");
  });
});
