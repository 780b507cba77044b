import { describe, expect, it } from "vitest";
import { parsePath, pathReader } from "../../../../workers/aam/mapping/path";

const record = {
  Name: "Acme",
  "Company Name": "Acme GmbH",
  "No. of Employees": 12,
  Zero: 0,
  Nothing: null,
  Owner: { Name: "Grace", Manager: { Name: "Ada" } },
  Contacts: [{ Email: "a@x.io" }, { Email: null }, { Phone: "1" }],
  Matrix: [[1, 2], [3]],
};

const rows: [path: string, expected: unknown][] = [
  ["Name", "Acme"],
  ["Company Name", "Acme GmbH"],
  ['["No. of Employees"]', 12],
  ["Zero", 0],
  ["Nothing", null],
  ["Absent", null],
  ["Owner.Name", "Grace"],
  ["Owner.Manager.Name", "Ada"],
  ["Owner.Missing.Name", null],
  ["Name.length", null],
  ["Contacts[0].Email", "a@x.io"],
  ["Contacts[5].Email", null],
  ["Contacts[*].Email", ["a@x.io", null, null]],
  ["Matrix[0][1]", 2],
  ["Matrix[*][0]", [1, 3]],
  ["Owner[0]", null],
  ["Name[*]", null],
];

describe("source paths", () => {
  it.each(rows)("%s", (path, expected) => {
    expect(pathReader(parsePath(path))(record)).toEqual(expected);
  });

  it("parses into segments", () => {
    expect(parsePath("Contacts[*].Email")).toEqual([{ key: "Contacts" }, { each: true }, { key: "Email" }]);
    expect(parsePath('Items[2]["a.b"]')).toEqual([{ key: "Items" }, { index: 2 }, { key: "a.b" }]);
    expect(parsePath("Annual Revenue (EUR)")).toEqual([{ key: "Annual Revenue (EUR)" }]);
  });
});
