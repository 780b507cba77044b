import { describe, expect, it } from "vitest";
import type { FieldType } from "../../../../../workers/aam/connectors/connector";
import { inferFields, inferType, jsonHeader } from "../../../../../workers/aam/connectors/filesource/infer";

/** Non-null values as CSV gives them (text); nulls and blanks are filtered before inferType, as inferFields does. */
const textCases: [string[], FieldType][] = [
  [["1", "2"], "integer"],
  [["1", "2.5"], "number"],
  [["-3", "+4", "0"], "integer"],
  [["1e3", ".5"], "number"],
  [["true", "FALSE"], "boolean"],
  [["true", "1"], "string"],
  [["yes", "no"], "string"],
  [["007", "8"], "string"],
  [["12345678901234567890"], "string"],
  [["1,5"], "string"],
  [["NaN"], "string"],
  [["2024-02-29", "2023-12-31"], "date"],
  [["2023-02-29"], "string"],
  [["2024-01-05", "2024-01-05T10:00:00Z"], "datetime"],
  [["2024-01-05 10:00", "2024-01-05T10:00:00.123+02:00"], "datetime"],
  [["2024-01-05", "soon"], "string"],
  [["2024-01-05", "20240105"], "string"],
  [["Acme", "1"], "string"],
  [[], "null"],
];

describe("inferType widens like Airbyte (null < boolean < integer < number < string; dates beside numbers)", () => {
  for (const [values, type] of textCases) {
    it(`${JSON.stringify(values)} → ${type}`, () => {
      expect(inferType(values, { untypedText: true })).toBe(type);
    });
  }

  const jsonCases: [unknown[], FieldType][] = [
    [[1, 2], "integer"],
    [[1, 2.5], "number"],
    [[true, false], "boolean"],
    [[true, 1], "string"],
    [["1", "2"], "string"],
    [["2024-01-05"], "date"],
    [[{ a: 1 }], "object"],
    [[[1]], "array"],
    [[{ a: 1 }, [1]], "string"],
  ];
  for (const [values, type] of jsonCases) {
    it(`JSON ${JSON.stringify(values)} → ${type}`, () => {
      expect(inferType(values, { untypedText: false })).toBe(type);
    });
  }
});

describe("inferFields", () => {
  it("blank values make a field nullable, never wider; samples are distinct and at most 5", () => {
    const header = [
      { name: "amount", label: "Amount" },
      { name: "empty", label: "empty" },
      { name: "code", label: "code" },
    ];
    const rows = ["", "3", "3", "4", "5", "6", "7", "8"].map((amount, i) => ({ amount, empty: "", code: `C${i}` }));
    expect(inferFields(header, rows, { untypedText: true })).toEqual([
      { name: "amount", label: "Amount", type: "integer", nullable: true, sample_values: ["3", "4", "5", "6", "7"] },
      { name: "empty", label: "empty", type: "null", nullable: true, sample_values: [] },
      { name: "code", label: "code", type: "string", nullable: false, sample_values: ["C0", "C1", "C2", "C3", "C4"] },
    ]);
  });

  it("JSON keys missing from some rows, or null, are nullable; 0 and false are values", () => {
    const rows = [{ id: 0, ok: false }, { id: 2, note: null }];
    expect(inferFields(jsonHeader(rows), rows, { untypedText: false })).toEqual([
      { name: "id", label: "id", type: "integer", nullable: false, sample_values: [0, 2] },
      { name: "ok", label: "ok", type: "boolean", nullable: true, sample_values: [false] },
      { name: "note", label: "note", type: "null", nullable: true, sample_values: [] },
    ]);
  });
});
