import { describe, expect, it } from "vitest";
import { isBreaking } from "../../../workers/aam/drift/breaking";
import { detectDrift } from "../../../workers/aam/drift/detect";
import { observeRecords } from "../../../workers/aam/drift/observe";
import { bundled, csvAccount, mongoAccount, observeStep, range, records, sfAccount, without } from "./helpers";

const sfAccountMapping = bundled("mappings/salesforce/account.yaml");
const mongoAccounts = bundled("mappings/mongodb/accounts.yaml");
const csvAccounts = bundled("mappings/filesource/accounts.yaml");

const summary = (changes: ReturnType<typeof detectDrift>) => changes.map((c) => `${c.kind} ${c.path} → ${c.target ?? "extras"}`).sort();

describe("detectDrift: scenarios", () => {
  it("Salesforce field renamed: the mapped field is removed (with its target) and the new one added", () => {
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    const renamed = range(2).map((n) => without(sfAccount(n, { Annual_Revenue__c: 5000 * n }), "AnnualRevenue"));
    const { changes } = observeStep(shape, renamed, sfAccountMapping);
    expect(summary(changes)).toEqual(["added Annual_Revenue__c → extras", "removed AnnualRevenue → annual_revenue"]);
    expect(changes.find((c) => c.kind === "removed")).toMatchObject({ from_type: "integer", to: null, samples: [1000, 2000, 3000] });
    expect(changes.find((c) => c.kind === "added")).toMatchObject({ to_type: "integer", samples: [5000, 10000] });
    expect(isBreaking(changes, sfAccountMapping)).toBe(true);
  });

  it("a field Salesforce sends as null is still there: no drift", () => {
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    const { changes } = observeStep(shape, [sfAccount(4, { AnnualRevenue: null, Phone: null })], sfAccountMapping);
    expect(changes).toEqual([]);
  });

  it("number turned into currency text: retyped with the new samples", () => {
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    const { changes } = observeStep(shape, [sfAccount(4, { AnnualRevenue: "$1,200" }), sfAccount(5, { AnnualRevenue: "$3,400" })], sfAccountMapping);
    expect(changes).toEqual([
      { kind: "retyped", path: "AnnualRevenue", to: null, from_type: "integer", to_type: "string", target: "annual_revenue", samples: ["$1,200", "$3,400"] },
    ]);
  });

  it("a nested Mongo path moved: address.* removed (mapped targets named), location.* added", () => {
    const { shape } = observeStep(undefined, range(5).map((n) => mongoAccount(n)), mongoAccounts);
    const moved = range(3).map((n) => {
      const { address, ...rest } = mongoAccount(n);
      return { ...rest, location: address };
    });
    const { changes } = observeStep(shape, moved, mongoAccounts);
    // `address` itself feeds nothing, and five documents are too young a shape to call an unmapped path gone.
    expect(summary(changes)).toEqual([
      "added location → extras",
      "added location.city → extras",
      "added location.country → extras",
      "removed address.city → billing_city",
      "removed address.country → billing_country",
    ]);
    expect(isBreaking(changes, mongoAccounts)).toBe(true);
  });

  it("a CSV column renamed: removed with its target, added, breaking", () => {
    const { shape } = observeStep(undefined, range(4).map(csvAccount), csvAccounts);
    const renamed = range(2).map((n) => {
      const { "Company Name": name, ...rest } = csvAccount(n);
      return { ...rest, Company: name };
    });
    const { changes } = observeStep(shape, renamed, csvAccounts);
    // "Company Name" is a plain key: paths may contain spaces, so it needs no quotes.
    expect(summary(changes)).toEqual(["added Company → extras", "removed Company Name → name"]);
    expect(isBreaking(changes, csvAccounts)).toBe(true);
  });

  it("sparse Mongo fields missing from a batch are not drift; a field every document had is", () => {
    // fax (unmapped) in a third of the documents, phone (mapped) in a quarter
    const doc = (n: number) => without(mongoAccount(n, { kind: "customer", fax: "+33 1" }), ...(n % 3 === 0 ? [] : ["fax"]), ...(n % 4 === 0 ? [] : ["phone"]));
    const { shape } = observeStep(undefined, range(40).map(doc), mongoAccounts);
    const sparseLess = range(5).map((n) => without(mongoAccount(n + 40, { kind: "customer" }), "phone"));
    expect(observeStep(shape, sparseLess, mongoAccounts).changes).toEqual([]);
    const kindLess = sparseLess.map((d) => without(d, "kind"));
    expect(summary(observeStep(shape, kindLess, mongoAccounts).changes)).toEqual(["removed kind → extras"]);
  });

  it("a young shape raises no removal of unmapped fields; a mapped one is removed at once", () => {
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    const { changes } = observeStep(shape, [without(sfAccount(4), "NumberOfEmployees", "Description", "Website", "Rating")], sfAccountMapping);
    expect(summary(changes)).toEqual(["removed Description → description", "removed NumberOfEmployees → employee_count", "removed Website → website"]);
  });

  it("an unmapped field carried by ≥ 90% of ≥ 20 records is removed when a batch lacks it", () => {
    const { shape } = observeStep(undefined, range(20).map((n) => sfAccount(n, { Rating: "Hot" })), sfAccountMapping);
    const { changes } = observeStep(shape, [sfAccount(21)], sfAccountMapping);
    expect(summary(changes)).toEqual(["removed Rating → extras"]);
  });

  it("the first observation is the baseline: nothing added, but mapped paths the batch lacks are removed", () => {
    const first = observeStep(undefined, [without(sfAccount(1, { Extra__c: 1 }), "Name")], sfAccountMapping);
    expect(summary(first.changes)).toEqual(["removed Name → name"]);
    expect(first.changes[0]).toMatchObject({ from_type: null, samples: [] });
    // Optional fields (with a default, like CurrencyIsoCode) are expected to be missing at times.
    expect(summary(observeStep(undefined, [without(sfAccount(1), "CurrencyIsoCode")], sfAccountMapping).changes)).toEqual([]);
  });

  it("a mapped path the source never sent is no change for an optional target, and a breaking removal for a required one", () => {
    expect(observeStep(undefined, [without(mongoAccount(1), "website")], mongoAccounts).changes).toEqual([]);
    const nameMissing = observeStep(undefined, [without(mongoAccount(1), "name")], mongoAccounts).changes;
    expect(summary(nameMissing)).toEqual(["removed name → name"]);
    expect(isBreaking(nameMissing, mongoAccounts)).toBe(true);
  });

  it("a removal is reported once: the merged shape forgets the path, so it comes back as added", () => {
    const baseline = observeStep(undefined, range(20).map((n) => sfAccount(n, { Rating: "Hot" })), sfAccountMapping);
    const removal = observeStep(baseline.shape, [sfAccount(21)], sfAccountMapping);
    expect(removal.changes).toHaveLength(1);
    expect(observeStep(removal.shape, [sfAccount(22)], sfAccountMapping).changes).toEqual([]);
    expect(summary(observeStep(removal.shape, [sfAccount(23, { Rating: "Cold" })], sfAccountMapping).changes)).toEqual(["added Rating → extras"]);
  });

  it("coalesce: one alternative never sent is fine, one gone is reported but breaks only when all are gone", () => {
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    // BillingAddress.city (the other alternative of billing_city) never came: not drift.
    expect(shape.fields.some((f) => f.path.startsWith("BillingAddress"))).toBe(false);
    const cityGone = observeStep(shape, [without(sfAccount(4), "BillingCity")], sfAccountMapping).changes;
    expect(summary(cityGone)).toEqual(["removed BillingAddress.city → billing_city", "removed BillingCity → billing_city"]);
    expect(isBreaking(cityGone, sfAccountMapping)).toBe(true);
    const compound = observeStep(shape, [without(sfAccount(4, { BillingAddress: { city: "Berlin" } }), "BillingCity")], sfAccountMapping).changes;
    expect(summary(compound)).toEqual(["added BillingAddress → extras", "added BillingAddress.city → billing_city", "removed BillingCity → billing_city"]);
    expect(isBreaking(compound, sfAccountMapping)).toBe(false);
  });

  it("never reports paths the mapping ignores (source metadata)", () => {
    const { shape } = observeStep(undefined, range(20).map((n) => sfAccount(n)), sfAccountMapping);
    expect(observeStep(shape, [without(sfAccount(21), "attributes")], sfAccountMapping).changes).toEqual([]);
  });

  it("finds nothing in an empty batch, and integer → number is no retype", () => {
    const batch = observeRecords(records([{ a: 1 }]));
    expect(detectDrift({ previous: batch, previousRecords: 30, batch: [], batchRecords: 0, mapping: undefined })).toEqual([]);
    const { shape } = observeStep(undefined, range(3).map((n) => sfAccount(n)), sfAccountMapping);
    expect(observeStep(shape, [sfAccount(4, { AnnualRevenue: 1234.5 })], sfAccountMapping).changes).toEqual([]);
  });

  it("uses discovery's frequency for mapped paths no record carried yet", () => {
    const batch = observeRecords(records([{ _id: "a1", createdAt: "2024-01-01T00:00:00Z" }]));
    const input = { previous: undefined, previousRecords: 0, batch, batchRecords: 1, mapping: mongoAccounts };
    const missing = summary(detectDrift(input));
    expect(missing).toContain("removed name → name");
    const discovered = [{ name: "name", label: "name", type: "string" as const, nullable: true, sample_values: [], frequency: 0.2 }];
    expect(summary(detectDrift({ ...input, discovered }))).toEqual(missing.filter((c) => c !== "removed name → name"));
  });
});
