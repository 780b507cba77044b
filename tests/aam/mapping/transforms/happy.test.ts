import { describe, expect, it } from "vitest";
import { chain, outcome } from "../helpers";

type Row = [label: string, transforms: unknown[], input: unknown, expected: unknown];

const NNBSP = "\u202f";
const NBSP = "\u00a0";

const rows: Row[] = [
  // null in → null out, for every transform; 0, "" and false are data
  ["null through any chain", ["trim", "number", "date"], null, null],
  ["undefined reads as null", ["trim"], undefined, null],
  ["trim", ["trim"], "  Acme  ", "Acme"],
  ["trim keeps an empty string", ["trim"], "   ", ""],
  ["upper", ["upper"], "eur", "EUR"],
  ["lower", ["lower"], "Info@ACME.com", "info@acme.com"],
  ["title", ["title"], "mary-ann o'neil SMITH", "Mary-Ann O'Neil Smith"],
  ["empty_as_null on blank", ["empty_as_null"], " ", null],
  ["empty_as_null keeps text", ["empty_as_null"], "x", "x"],
  ["string of 0", ["string"], 0, "0"],
  ["string of false", ["string"], false, "false"],
  // numbers
  ["number passes numbers", ["number"], 0, 0],
  ["number en-US default", ["number"], "1,234.56", 1234.56],
  ["number plain", ["number"], "1234.5", 1234.5],
  ["number de-DE", [{ number: { locale: "de-DE" } }], "1.234.567,00", 1234567],
  ["number de-DE small", [{ number: { locale: "de-DE" } }], "0,5", 0.5],
  ["number fr-FR narrow nbsp", [{ number: { locale: "fr-FR" } }], `1${NNBSP}234,56`, 1234.56],
  ["number fr-FR nbsp and plain space", [{ number: { locale: "fr-FR" } }], `1${NBSP}234 567,5`, 1234567.5],
  ["number de-CH apostrophe", [{ number: { locale: "de-CH" } }], "1’234.50", 1234.5],
  ["number explicit decimal", [{ number: { decimal: "," } }], "1.234,5", 1234.5],
  ["number parentheses negative", ["number"], "(1,234)", -1234],
  ["number currency symbol", ["number"], "$1,234.56", 1234.56],
  ["number currency code suffix", [{ number: { locale: "de-DE" } }], "1.234,56 EUR", 1234.56],
  ["number euro suffix", [{ number: { locale: "de-DE" } }], "-1.234,56 €", -1234.56],
  ["number sign before symbol", ["number"], "-$5", -5],
  ["number trailing minus", ["number"], "250.00-", -250],
  ["number percent", ["number"], "75%", 75],
  ["number zero text", ["number"], "0", 0],
  ["number empty → null", ["number"], "", null],
  ["number blank → null", ["number"], "  ", null],
  ["number leading decimal", ["number"], ".5", 0.5],
  ["integer", [{ integer: { locale: "de-DE" } }], "12.500", 12500],
  ["integer of number", ["integer"], 42, 42],
  ["round half away from zero", ["number", { round: { digits: 2 } }], "1.005", 1.01],
  ["round negative", [{ round: {} }], -2.5, -3],
  // booleans
  ["boolean true", ["boolean"], true, true],
  ["boolean false stays false", ["boolean"], false, false],
  ["boolean yes", ["boolean"], " YES ", true],
  ["boolean 0", ["boolean"], "0", false],
  ["boolean number 1", ["boolean"], 1, true],
  ["boolean empty → null", ["boolean"], "", null],
  ["boolean own words", [{ boolean: { true: ["Ja"], false: ["Nein"] } }], "nein", false],
  // dates
  ["date ISO", ["date"], "2025-12-31", "2025-12-31"],
  ["date leap day", ["date"], "2024-02-29", "2024-02-29"],
  ["date day-first", [{ date: { format: "dd/MM/yyyy" } }], "31/12/2025", "2025-12-31"],
  ["date US short", [{ date: { format: "M/d/yy" } }], "3/7/25", "2025-03-07"],
  ["date month name", [{ date: { format: "dd-MMM-yyyy" } }], "05-dec-2025", "2025-12-05"],
  ["date full month name", [{ date: { format: "MMMM d, yyyy" } }], "March 7, 2025", "2025-03-07"],
  ["date empty → null", ["date"], "", null],
  ["date from epoch seconds", [{ date: { format: "epoch_seconds" } }], 1767139200, "2025-12-31"],
  ["datetime Salesforce offset without colon", ["datetime"], "2024-01-15T10:30:00.000+0000", "2024-01-15T10:30:00.000Z"],
  ["datetime ISO with offset", ["datetime"], "2024-01-15T10:30:00+02:00", "2024-01-15T08:30:00.000Z"],
  ["datetime ISO no offset is UTC", ["datetime"], "2024-01-15 10:30", "2024-01-15T10:30:00.000Z"],
  ["datetime ISO no offset in zone", [{ datetime: { zone: "America/New_York" } }], "2024-01-15T10:30:00", "2024-01-15T15:30:00.000Z"],
  ["datetime Berlin winter", [{ datetime: { format: "dd/MM/yyyy HH:mm", zone: "Europe/Berlin" } }], "31/12/2025 14:00", "2025-12-31T13:00:00.000Z"],
  ["datetime Berlin summer", [{ datetime: { format: "dd/MM/yyyy HH:mm", zone: "Europe/Berlin" } }], "01/07/2025 14:00", "2025-07-01T12:00:00.000Z"],
  ["datetime ambiguous → earlier", [{ datetime: { format: "yyyy-MM-dd HH:mm", zone: "Europe/Berlin" } }], "2025-10-26 02:30", "2025-10-26T00:30:00.000Z"],
  ["datetime 12-hour clock", [{ datetime: { format: "M/d/yyyy h:mm a" } }], "12/31/2025 3:45 PM", "2025-12-31T15:45:00.000Z"],
  ["datetime 12 AM is midnight", [{ datetime: { format: "M/d/yyyy h:mm a" } }], "1/1/2025 12:05 am", "2025-01-01T00:05:00.000Z"],
  ["datetime format offset", [{ datetime: { format: "yyyy-MM-dd'T'HH:mm:ss.SSSZ" } }], "2025-01-01T00:00:00.250-05:00", "2025-01-01T05:00:00.250Z"],
  ["datetime epoch millis", [{ datetime: { format: "epoch_millis" } }], 0, "1970-01-01T00:00:00.000Z"],
  // value maps
  ["map", [{ map: { values: { "Closed - Won": "won" } } }], "Closed - Won", "won"],
  ["map ignore_case", [{ map: { values: { "Closed - Won": "won" }, ignore_case: true } }], "CLOSED - WON", "won"],
  ["map boolean keys", [{ map: { values: { true: "won", false: "lost" } } }], false, "lost"],
  ["map number key 0", [{ map: { values: { "0": "none" } } }], 0, "none"],
  ["map to false", [{ map: { values: { N: false } } }], "N", false],
  ["map unmapped → default", [{ map: { values: { a: 1 }, default: 0 } }], "zzz", 0],
  ["map unmapped → default null", [{ map: { values: { a: 1 }, default: null } }], "zzz", null],
  ["map keep_unmapped", [{ map: { values: { a: 1 }, keep_unmapped: true } }], "zzz", "zzz"],
  // currency
  ["currency code", ["currency"], "eur", "EUR"],
  ["currency symbol", ["currency"], "€", "EUR"],
  ["currency US$", ["currency"], "US$", "USD"],
  ["currency name", ["currency"], "Pound Sterling", "GBP"],
  ["currency ISO code not in aliases", ["currency"], "nok", "NOK"],
  ["currency empty → null", ["currency"], "", null],
  // split
  ["split first", [{ split: { take: "first" } }], "Mary Ann  Smith", "Mary"],
  ["split rest", [{ split: { take: "rest" } }], "Mary Ann  Smith", "Ann Smith"],
  ["split last", [{ split: { take: "last" } }], "Mary Ann Smith", "Smith"],
  ["split init", [{ split: { take: "init" } }], "Mary Ann Smith", "Mary Ann"],
  ["split single word first", [{ split: { take: "first" } }], "Cher", "Cher"],
  ["split single word rest → null", [{ split: { take: "rest" } }], "Cher", null],
  ["split index", [{ split: { separator: ",", take: 1 } }], "Smith, John", "John"],
  ["split missing index → null", [{ split: { separator: ",", take: 5 } }], "Smith, John", null],
  ["split blank → null", [{ split: { take: "first" } }], "   ", null],
  // arrays
  ["first non-null", ["first"], [null, "a", "b"], "a"],
  ["first of empty → null", ["first"], [], null],
  ["join", [{ join: { separator: "; " } }], ["a", null, 0, false], "a; 0; false"],
  ["join nothing → null", ["join"], [null], null],
  // JSON objects in a cell
  ["json_object parses an object", ["json_object"], '{"env":"prod","replicas":3,"spot":false,"meta":{"a":[1]}}', { env: "prod", replicas: 3, spot: false, meta: { a: [1] } }],
  ["json_object passes an object", ["json_object"], { env: "prod" }, { env: "prod" }],
  ["json_object empty object is data", ["json_object"], "{}", {}],
  ["json_object blank → null", ["json_object"], "  ", null],
  ["json_object text values", [{ json_object: { values: "text" } }], '{"env":"prod","replicas":3,"spot":false,"owner":null,"empty":""}', { env: "prod", replicas: "3", spot: "false", owner: "", empty: "" }],
  ["json_object keeps a __proto__ key as data", [{ json_object: { values: "text" } }], '{"__proto__":"x"}', JSON.parse('{"__proto__":"x"}')],
  // chains
  ["trim then lower then empty_as_null", ["trim", "lower", "empty_as_null"], "  ", null],
  ["chain stops at null", ["empty_as_null", { map: { values: { x: 1 } } }], "", null],
];

describe("transforms", () => {
  it.each(rows)("%s", (_label, transforms, input, expected) => {
    expect(outcome(() => chain(...transforms)(input))).toEqual({ value: expected });
  });
});
