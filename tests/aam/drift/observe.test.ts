import { describe, expect, it } from "vitest";
import { mergeShapes, observeRecords } from "../../../workers/aam/drift/observe";
import { records } from "./helpers";

const byPath = (fields: ReturnType<typeof observeRecords>) => Object.fromEntries(fields.map((f) => [f.path, f]));

describe("observeRecords", () => {
  it("flattens nested objects to dotted paths, keeps the objects as fields and arrays as leaves", () => {
    const fields = byPath(observeRecords(records([{ _id: "a1", address: { city: "Berlin", geo: { lat: 52.5 } }, tags: ["x", "y"] }])));
    expect(Object.keys(fields).sort()).toEqual(["_id", "address", "address.city", "address.geo", "address.geo.lat", "tags"]);
    expect(fields.address?.type).toBe("object");
    expect(fields["address.geo.lat"]?.type).toBe("number");
    expect(fields.tags?.type).toBe("array");
  });

  it("quotes keys the dotted syntax cannot carry, as mapping paths do", () => {
    const fields = observeRecords(records([{ "No. of Employees": "12", meta: { "a.b": 1 } }])).map((f) => f.path);
    expect(fields).toEqual(['["No. of Employees"]', "meta", 'meta["a.b"]']);
  });

  it("types values like JSON sources: a numeric string stays a string, ISO dates are dates", () => {
    const fields = byPath(
      observeRecords(records([{ n: 3, x: 2.5, s: "1200", d: "2024-03-01", t: "2024-03-01T10:00:00Z", b: true, nil: null }])),
    );
    expect(Object.fromEntries(Object.entries(fields).map(([path, f]) => [path, f.type]))).toEqual({
      n: "integer",
      x: "number",
      s: "string",
      d: "date",
      t: "datetime",
      b: "boolean",
      nil: "null",
    });
  });

  it("takes the dominant type, integers and numbers (dates and datetimes) counting together", () => {
    const fields = byPath(observeRecords(records([{ a: 1, b: "2024-01-01" }, { a: 1.5, b: "2024-01-01T00:00:00Z" }, { a: "n/a", b: "x" }])));
    expect(fields.a?.type).toBe("number");
    expect(fields.b?.type).toBe("datetime");
  });

  it("counts records carrying the key (null included) apart from those carrying a value; blank text is no value", () => {
    const fields = byPath(observeRecords(records([{ a: 1, b: null }, { a: null, b: "" }, { a: 2 }])));
    expect(fields.a).toMatchObject({ present: 3, seen: 2 });
    expect(fields.b).toMatchObject({ present: 2, seen: 0, type: "null" });
  });

  it("keeps at most five distinct samples", () => {
    const fields = observeRecords(records([1, 2, 2, 3, 4, 5, 6, 7].map((v) => ({ v }))));
    expect(fields[0]?.samples).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("mergeShapes", () => {
  it("adds the counts, follows the batch's type and samples, and keeps fields the batch lacked", () => {
    const previous = observeRecords(records([{ a: 1, b: "x" }, { a: 2, b: "y" }]));
    const batch = observeRecords(records([{ a: "$3", c: true }]));
    const merged = Object.fromEntries(mergeShapes(previous, batch).map((f) => [f.path, f]));
    expect(merged.a).toMatchObject({ type: "string", seen: 3, present: 3, samples: ["$3", 1, 2] });
    expect(merged.b).toMatchObject({ type: "string", seen: 2 });
    expect(merged.c).toMatchObject({ type: "boolean", seen: 1 });
  });

  it("keeps the known type when the batch only had nulls, and drops paths reported removed", () => {
    const previous = observeRecords(records([{ a: 1, b: 2 }]));
    const merged = mergeShapes(previous, observeRecords(records([{ a: null }])), ["b"]);
    expect(merged).toEqual([{ path: "a", type: "integer", seen: 1, present: 2, samples: [1] }]);
  });
});
