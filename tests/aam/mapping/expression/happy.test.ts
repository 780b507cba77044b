import { describe, expect, it } from "vitest";
import { evaluate } from "./helpers";

const record = {
  Amount: 1000,
  Zero: 0,
  Empty: "",
  No: false,
  Yes: true,
  Missing: null,
  First: "Ada",
  Last: "Lovelace",
  Owner: { Name: "Grace" },
  Contacts: [{ Email: "a@x.io" }, { Email: "b@x.io" }],
  "Annual Revenue (EUR)": 5,
  IsClosed: true,
  IsWon: false,
};

type Row = [expression: string, expected: unknown];

const rows: Row[] = [
  ["1 + 2 * 3", 7],
  ["(1 + 2) * 3", 9],
  ["10 - 4 - 3", 3],
  ["2 * 3 % 4", 2],
  ["-Amount + 1", -999],
  ["Amount / 8", 125],
  ["1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3", true],
  ["1 + 1 == 2 != false", true],
  ["!No", true],
  ["Yes || Missing", true],
  ["No && Missing", false],
  ["Zero == 0", true],
  ["Empty == ''", true],
  ["No == false", true],
  ["Missing == null", true],
  ["1 == '1'", false],
  ["Missing + 1", null],
  ["Missing < 1", null],
  ["First + ' ' + Last", "Ada Lovelace"],
  ["'#' + 7", "#7"],
  ["'b' > 'a'", true],
  ["Owner.Name", "Grace"],
  ["Contacts[1].Email", "b@x.io"],
  ["Contacts[*].Email", ["a@x.io", "b@x.io"]],
  ["`Annual Revenue (EUR)` * 2", 10],
  ["Owner.NotThere", null],
  ["Missing.Deeper", null],
  ["IsClosed ? (IsWon ? 'won' : 'lost') : 'open'", "lost"],
  ["Yes ? 1 : 2 + 40", 1],
  ["No ? 1 : Yes ? 2 : 3", 2],
  ["lower(First) + upper(Last)", "adaLOVELACE"],
  ["trim('  x ')", "x"],
  ["len(Empty)", 0],
  ["len(Missing)", null],
  ["contains(Last, 'love')", false],
  ["round(2.675, 2)", 2.68],
  ["round(-2.5)", -3],
  ["abs(-3) + min(4, 2, 9) + max(1, 5)", 10],
  ["number(' 42.5 ')", 42.5],
  ["number(Empty)", null],
  ["string(Zero) + string(No)", "0false"],
  ["coalesce(Missing, Zero, 5)", 0],
  ["coalesce(Missing, Empty, 'x')", ""],
  ["coalesce(Missing, NotThere)", null],
  ["coalesce(NotThere, 'fallback')", "fallback"],
  ["concat(First, Missing, ' ', Last)", "Ada Lovelace"],
  ["concat(Missing)", null],
  ["'it\\'s' + \"\\n\"", "it's\n"],
];

describe("expressions", () => {
  it.each(rows)("%s", (expression, expected) => {
    expect(evaluate(expression, record)).toEqual({ value: expected });
  });
});
