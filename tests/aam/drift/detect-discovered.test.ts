import { describe, expect, it } from "vitest";
import type { DiscoveredField } from "../../../workers/aam/connectors/connector";
import { detectDiscoveredDrift, mergeDiscovery } from "../../../workers/aam/drift/detect-discovered";
import { bundled, observeStep, range, sfAccount } from "./helpers";

const sfAccountMapping = bundled("mappings/salesforce/account.yaml");
const mongoAccounts = bundled("mappings/mongodb/accounts.yaml");

const field = (name: string, type: DiscoveredField["type"] = "string", extra: Partial<DiscoveredField> = {}): DiscoveredField => ({
  name,
  label: name,
  type,
  nullable: true,
  sample_values: [],
  ...extra,
});
const sfFields = () => [
  field("Id"),
  field("Name"),
  field("AnnualRevenue", "number"),
  field("NumberOfEmployees", "integer"),
  ...["Industry", "CurrencyIsoCode", "Website", "Phone", "BillingCity", "BillingCountry", "OwnerId", "Description"].map((n) => field(n)),
  field("CreatedDate", "datetime"),
  field("LastModifiedDate", "datetime"),
];
const summary = (changes: ReturnType<typeof detectDiscoveredDrift>) => changes.map((c) => `${c.kind} ${c.path} → ${c.target ?? "extras"}`).sort();

describe("detectDiscoveredDrift", () => {
  it("takes the first listing as the baseline, except for mapped fields it lacks", () => {
    const { shape } = observeStep(undefined, range(2).map((n) => sfAccount(n)), sfAccountMapping);
    expect(detectDiscoveredDrift(shape, [...sfFields(), field("Rating")], sfAccountMapping)).toEqual([]);
    expect(summary(detectDiscoveredDrift(undefined, sfFields().filter((f) => f.name !== "Name"), sfAccountMapping))).toEqual(["removed Name → name"]);
  });

  it("against the last listing: a field gone is removed, a new one added, a type of another kind retyped", () => {
    const listed = { fields: mergeDiscovery([], sfFields()), records: 0 };
    const next = [
      ...sfFields().filter((f) => f.name !== "AnnualRevenue" && f.name !== "NumberOfEmployees"),
      field("Annual_Revenue__c", "number", { label: "Annual Revenue", sample_values: [1200] }),
      field("NumberOfEmployees", "string"),
    ];
    const changes = detectDiscoveredDrift(listed, next, sfAccountMapping);
    expect(summary(changes)).toEqual([
      "added Annual_Revenue__c → extras",
      "removed AnnualRevenue → annual_revenue",
      "retyped NumberOfEmployees → employee_count",
    ]);
    expect(changes.find((c) => c.kind === "added")?.samples).toEqual([1200]);
    expect(changes.find((c) => c.kind === "retyped")).toMatchObject({ from_type: "integer", to_type: "string" });
    // recorded: the same listing again is no news (an optional field the source stopped sending is reported once;
    // the pipeline holds the object's records while its repair waits)
    const again = detectDiscoveredDrift({ fields: mergeDiscovery(listed.fields, next), records: 0 }, next, sfAccountMapping);
    expect(summary(again)).toEqual([]);
  });

  it("a sampled listing (document stores) that misses a sparse field is no drift; a field most records had is", () => {
    const docs = range(30).map((n) => ({ _id: `a${n}`, name: "A", kind: "c", ...(n % 5 === 0 ? { fax: "1" } : {}) }));
    const { shape } = observeStep(undefined, docs, undefined);
    const sampled = (names: string[]) => names.map((name) => field(name, "string", { frequency: 1 }));
    const listed = { ...shape, fields: mergeDiscovery(shape.fields, sampled(["_id", "name", "kind", "fax"])) };
    expect(detectDiscoveredDrift(listed, sampled(["_id", "name", "kind"]), undefined)).toEqual([]);
    expect(summary(detectDiscoveredDrift(listed, sampled(["_id", "name"]), undefined))).toEqual(["removed kind → extras"]);
  });

  it("reads dotted names of document stores as nested paths", () => {
    const { shape } = observeStep(undefined, [{ _id: "a", address: { city: "Paris" } }], undefined);
    const fields = mergeDiscovery(shape.fields, [field("_id"), field("address.city"), field("No. of Employees", "integer")]);
    expect(fields.map((f) => [f.path, f.present, f.discovered_type])).toEqual([
      ["_id", 1, "string"],
      ["address", 1, undefined],
      ["address.city", 1, "string"],
      // a dotted name the shape does not know as one key is read as nested, like a document store's
      ["No. of Employees", 0, "integer"],
    ]);
    expect(summary(detectDiscoveredDrift({ fields, records: 1 }, [field("_id")], mongoAccounts))).toContain("removed address.city → billing_city");
  });
});
