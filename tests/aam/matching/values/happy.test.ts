import { describe, expect, it } from "vitest";
import { fieldEvidence, parseLooseNumber, sampleKind, typeKind, valueEvidence } from "../../../../workers/aam/matching/values";

describe("value kinds of single samples", () => {
  it.each([
    ["s.devries@northwind.example", "email"],
    ["https://www.northwind.example", "url"],
    ["northwind-logistics.example", "domain"],
    ["+31 10 555 0142", "phone"],
    ["+31105550142", "phone"],
    ["(870)-931-0505", "phone"],
    ["2025-03-31", "date"],
    ["2025-01-31T00:00:00.000Z", "date"],
    ["2024-11-02T16:05:12.000+0000", "datetime"],
    ["2023-02-11 09:15:42.118+00", "datetime"],
    ["EUR", "currency_code"],
    ["chf", "currency_code"],
    ["NL", "country"],
    ["Deutschland", "country"],
    ["true", "boolean"],
    ["nein", "boolean"],
    ["3f1c9a2e-8b7d-4c1e-9f0a-2d6b5e4c3a10", "id"],
    ["6512a9f3c4e1b2a3d4f5a6b7", "id"],
    ["0015g00000XyZ12AAB", "id"],
    ["cus_PqR4sT9uVwXy", "id"],
    ["0000100042", "id"],
    ["EMP-0042", "id"],
    ["420", "integer"],
    ["184000.00", "decimal"],
    ["25.000,00", "decimal"],
    ["€ 1.200", "decimal"],
    ["0.25", "fraction"],
    ["45 %", "percent"],
    ["won", "status_word"],
    ["Ganada", "status_word"],
    ["Rotterdam", "proper_name"],
    ["Prefers calls after 14:00 CET. Speaks Dutch.", "long_text"],
    ['{"sso":true}', "json"],
  ])("%s is %s", (sample, kind) => {
    expect(sampleKind(sample)).toBe(kind);
  });

  it("treats empty and null-like samples as no evidence, and typed JSON values by their type", () => {
    expect(sampleKind(null)).toBeNull();
    expect(sampleKind("null")).toBeNull();
    expect(sampleKind("  ")).toBeNull();
    expect(sampleKind(false)).toBe("boolean");
    expect(sampleKind(12)).toBe("integer");
    expect(sampleKind(0.6)).toBe("fraction");
    expect(sampleKind({ a: 1 })).toBe("json");
  });

  it("parses numbers in either decimal convention", () => {
    expect(parseLooseNumber("1.250.000,50")).toBe(1250000.5);
    expect(parseLooseNumber("1,250,000.50")).toBe(1250000.5);
    expect(parseLooseNumber("1 250 000")).toBe(1250000);
    expect(parseLooseNumber("abc")).toBeNaN();
  });
});

describe("a field's value profile", () => {
  it("tells percentages 0–100 from fractions 0–1", () => {
    expect(valueEvidence(["60", "20"])).toMatchObject({ percentRange: true, unitInterval: false });
    expect(valueEvidence(["0.6", "0.25"])).toMatchObject({ percentRange: true, unitInterval: true });
    expect(valueEvidence(["120000"])).toMatchObject({ percentRange: false, unitInterval: false });
  });

  it("shares kinds over the non-empty samples", () => {
    expect(valueEvidence(["null", "won", "lost"]).profile).toEqual({ status_word: 1 });
    expect(valueEvidence(["a@b.example", "hello"]).profile).toEqual({ email: 0.5, text: 0.5 });
  });

  it("counts the declared type as a third of the evidence, all of it without samples", () => {
    expect(typeKind("timestamptz")).toBe("datetime");
    expect(typeKind("numeric(14,2)")).toBe("decimal");
    expect(typeKind("Decimal128")).toBe("decimal");
    expect(typeKind("picklist")).toBeNull();
    expect(fieldEvidence([], "reference").profile).toEqual({ id: 1 });
    const mixed = fieldEvidence(["2024-10-28"], "datetime").profile;
    expect(mixed.date).toBeCloseTo(2 / 3);
    expect(mixed.datetime).toBeCloseTo(1 / 3);
  });
});
