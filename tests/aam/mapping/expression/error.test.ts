import { describe, expect, it } from "vitest";
import { ExpressionSyntaxError, parseExpression } from "../../../../workers/aam/mapping/expression/parse";
import { evaluate } from "./helpers";

const record = { Amount: 10, Zero: 0, Text: "x", Missing: null, Flag: "true", Obj: { a: 1 } };

const runtime: [expression: string, reason: string][] = [
  ["Amount / Zero", "division by zero"],
  ["Amount % 0", "division by zero"],
  ["Amount / 0.0", "division by zero"],
  ["99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999 * 99999999", "non-finite"],
  ["Text - 1", "- needs numbers"],
  ["true + 1", "cannot add boolean true and number 1"],
  ["Flag ? 1 : 2", '?: needs a boolean, got "true"'],
  ["Missing ? 1 : 2", "?: needs a boolean, got null"],
  ["Zero && true", "&& needs a boolean, got number 0"],
  ["!Text", "! needs a boolean"],
  ["Text < 1", "< needs two numbers or two texts"],
  ["Obj == 1", "== compares scalars"],
  ["lower(Amount)", "lower() expects text, got number 10"],
  ["number('1,5')", "number() cannot read"],
  ["round(1.5, 11)", "round() takes 0–10 digits"],
  ["NotThere", 'unknown field "NotThere"'],
  ["Amount + Amout", 'unknown field "Amout"'],
  ["`Annual Revenue` * 2", 'unknown field "Annual Revenue"'],
  ["coalesce(lower(NotThere), 'x')", 'unknown field "NotThere"'],
];

describe("expression evaluation errors", () => {
  it.each(runtime)("%s", (expression, reason) => {
    const result = evaluate(expression, record);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toContain(reason);
  });
});

const syntax: [expression: string, message: string][] = [
  ["1 +", "unexpected end of expression at column 4"],
  ["(1 + 2", 'expected ")" at column 7'],
  ["1 2", "unexpected text after the expression at column 3"],
  ["a ? b", 'expected ":" at column 6'],
  ["1 = 2", 'unexpected "=" at column 3'],
  ["'open", "unterminated text at column 1"],
  ["`Full Name", "unterminated `field` at column 1"],
  ["shout(1)", 'unknown function "shout" at column 1'],
  ["round()", "round() takes 1–2 argument(s), got 0 at column 1"],
  ["lower(a, b)", "lower() takes 1 argument(s), got 2"],
  ["a[x]", 'unexpected "[" at column 2'],
  ["Amount $ 2", 'unexpected "$" at column 8'],
  ["", "unexpected end of expression at column 1"],
  ["((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))", "nested too deeply"],
  ["!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!true", "nested too deeply"],
];

describe("expression syntax errors", () => {
  it.each(syntax)("%s", (expression, message) => {
    expect(() => parseExpression(expression)).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression(expression)).toThrow(message);
  });
});
