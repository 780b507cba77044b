import { describe, expect, it } from "vitest";
import { TransformEntrySchema } from "../../../../workers/aam/mapping/format";
import { chain, outcome } from "../helpers";

type Row = [label: string, transforms: unknown[], input: unknown, reason: string];

const rows: Row[] = [
  ["trim of a number", ["trim"], 5, "trim expects text, got number 5"],
  ["upper of false", ["upper"], false, "upper expects text, got boolean false"],
  ["string of an object", ["string"], { a: 1 }, "string expects a scalar, got an object"],
  ["number: en-US reading a German number", ["number"], "1.234,56", 'not a number: "1.234,56"'],
  ["number: de-DE reading a US number", [{ number: { locale: "de-DE" } }], "1,234.56", 'not a number: "1,234.56"'],
  ["number: misplaced group", ["number"], "12,34", "misplaced group separator"],
  ["number: two decimal points", [{ number: { locale: "de-DE" } }], "1,2,3", "more than one decimal separator"],
  ["number: words", ["number"], "n/a", 'not a number: "n/a"'],
  ["number: two signs", ["number"], "(-5)", "more than one sign"],
  ["number: only a symbol", ["number"], "$", 'not a number: "$"'],
  ["number: a boolean", ["number"], true, "number expects text or a number, got boolean true"],
  ["number: NaN", ["number"], Number.NaN, "not a finite number"],
  ["integer: a fraction", ["integer"], "12.5", 'not a whole number: "12.5"'],
  ["round: text", ["round"], "1.5", "round expects a number"],
  ["boolean: unknown word", ["boolean"], "maybe", 'not a boolean: "maybe"'],
  ["boolean: number 2", ["boolean"], 2, "boolean expects text, got number 2"],
  ["date: 2025-02-30", ["date"], "2025-02-30", '"2025-02-30" is not a real date/time'],
  ["date: 2025-02-29 (not leap)", ["date"], "2025-02-29", "is not a real date/time"],
  ["date: month 13", [{ date: { format: "dd/MM/yyyy" } }], "01/13/2025", "is not a real date/time"],
  ["date: wrong format", [{ date: { format: "dd/MM/yyyy" } }], "2025-12-31", 'does not match the format "dd/MM/yyyy"'],
  ["date: ISO datetime for a date", ["date"], "2025-12-31T10:00:00Z", "does not match the format ISO 8601"],
  ["date: number without epoch format", ["date"], 20251231, "expected date text, got number 20251231"],
  ["date: unknown month name", [{ date: { format: "dd-MMM-yyyy" } }], "05-Dez-2025", "does not match"],
  ["datetime: 24:00", ["datetime"], "2025-01-01T24:00:00Z", "is not a real date/time"],
  ["datetime: hour 13 PM", [{ datetime: { format: "M/d/yyyy h:mm a" } }], "1/1/2025 13:00 PM", "does not match"],
  ["datetime: skipped by DST", [{ datetime: { format: "yyyy-MM-dd HH:mm", zone: "Europe/Berlin" } }], "2025-03-30 02:30", "does not exist in Europe/Berlin"],
  ["datetime: epoch text", [{ datetime: { format: "epoch_seconds" } }], "soon", "epoch_seconds expects a number"],
  ["map: unmapped value", [{ map: { values: { "Closed - Won": "won" } } }], "Closed Won", 'no mapping for "Closed Won"'],
  ["map: case differs", [{ map: { values: { Won: "won" } } }], "won", 'no mapping for "won"'],
  ["map: an object", [{ map: { values: { a: 1 } } }], { a: 1 }, "map expects a scalar"],
  ["currency: unknown", ["currency"], "Gold", 'unknown currency "Gold"'],
  ["currency: three letters that are no code", ["currency"], "ABC", 'unknown currency "ABC"'],
  ["currency: a number", ["currency"], 978, "currency expects text"],
  ["json_object: not JSON", ["json_object"], "env=prod", 'not JSON: "env=prod"'],
  ["json_object: an array", ["json_object"], '["env","prod"]', "not a JSON object"],
  ["json_object: JSON null", ["json_object"], "null", "not a JSON object"],
  ["json_object: a number", ["json_object"], 5, "json_object expects text or an object, got number 5"],
  ["json_object: an array value", ["json_object"], ["a"], "json_object expects text or an object, got an array"],
  ["json_object: a nested value as text", [{ json_object: { values: "text" } }], '{"meta":{"a":1}}', 'the value of "meta" is an object, not text'],
  ["split: a number", [{ split: { take: "first" } }], 42, "split expects text"],
  ["first: not an array", ["first"], "a", "first expects an array"],
  ["join: nested object", ["join"], [{ a: 1 }], "join expects scalar elements"],
];

describe("transform failures", () => {
  it.each(rows)("%s", (_label, transforms, input, reason) => {
    const result = outcome(() => chain(...transforms)(input));
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toContain(reason);
  });
});

type OptionRow = [label: string, entry: unknown, message: string];

const badOptions: OptionRow[] = [
  ["unknown transform", "shout", 'unknown transform "shout"'],
  ["unknown locale", { number: { locale: "xx-INVALID-LOCALE-TAG" } }, "number: unknown or unsupported locale"],
  ["bad decimal", { number: { decimal: ";" } }, "number: Invalid option"],
  ["unknown option", { number: { locale: "de-DE", grouping: "." } }, "number: Unrecognized key"],
  ["bad date token", { date: { format: "DD/MM/YYYY" } }, 'bad date format: unknown token "DD"'],
  ["date format without a year", { date: { format: "dd/MM" } }, "needs a year"],
  ["12-hour clock without AM/PM", { datetime: { format: "yyyy-MM-dd hh:mm" } }, "h/hh (12-hour clock) and a (AM/PM) go together"],
  ["unknown zone", { datetime: { zone: "Mars/Olympus" } }, "unknown time zone"],
  ["map without values", "map", "map: Invalid input: expected record"],
  ["map with both default and keep_unmapped", { map: { values: { a: 1 }, default: 0, keep_unmapped: true } }, "either default or keep_unmapped"],
  ["split without take", { split: {} }, "split: Invalid input"],
  ["two names in one entry", { trim: {}, lower: {} }, "a transform is a name"],
];

describe("transform option validation", () => {
  it.each(badOptions)("%s", (_label, entry, message) => {
    const parsed = TransformEntrySchema.safeParse(entry);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(" | ")).toContain(message);
  });
});
