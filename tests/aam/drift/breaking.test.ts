import { describe, expect, it } from "vitest";
import { isBreaking } from "../../../workers/aam/drift/breaking";
import { MappingDocumentSchema } from "../../../workers/aam/mapping/format";
import type { DriftChange } from "../../../workers/aam/drift/schemas";
import { bundled } from "./helpers";

const sfAccountMapping = bundled("mappings/salesforce/account.yaml");
const change = (patch: Partial<DriftChange> & Pick<DriftChange, "kind" | "path">): DriftChange => ({
  to: null,
  from_type: "string",
  to_type: null,
  target: null,
  samples: [],
  ...patch,
});
const retype = (path: string, target: string, samples: unknown[]) =>
  change({ kind: "retyped", path, target, from_type: "integer", to_type: "string", samples });

describe("isBreaking", () => {
  it("nothing breaks without a mapping, or for changes to unmapped paths", () => {
    const changes = [change({ kind: "removed", path: "AnnualRevenue", target: "annual_revenue" })];
    expect(isBreaking(changes, undefined)).toBe(false);
    expect(isBreaking([change({ kind: "removed", path: "Rating" }), change({ kind: "added", path: "X" })], sfAccountMapping)).toBe(false);
  });

  it("a renamed mapped path breaks like a removed one", () => {
    expect(isBreaking([change({ kind: "renamed", path: "AnnualRevenue", to: "Annual_Revenue__c", target: "annual_revenue" })], sfAccountMapping)).toBe(true);
  });

  it("a retype breaks only when the mapping fails on the new values", () => {
    // `number` reads currency text; it cannot read "n/a"
    expect(isBreaking([retype("AnnualRevenue", "annual_revenue", ["$1,200", "€3.400"])], sfAccountMapping)).toBe(false);
    expect(isBreaking([retype("AnnualRevenue", "annual_revenue", ["$1,200", "n/a"])], sfAccountMapping)).toBe(true);
    const plain = MappingDocumentSchema.parse({
      system: "mongodb",
      object: "deals",
      entity: "opportunity",
      version: 1,
      record_id: "_id",
      fields: { name: "title", amount: "value.amount", status: { const: "open" } },
    });
    // no transform: text is not a number for the canonical amount (nested path rebuilt for the trial)
    expect(isBreaking([retype("value.amount", "amount", ["$1,200"])], plain)).toBe(true);
    expect(isBreaking([retype("value.amount", "amount", [])], plain)).toBe(false);
  });

  it("an expression loses its target when any path it reads is gone", () => {
    const opportunity = bundled("mappings/salesforce/opportunity.yaml");
    expect(isBreaking([change({ kind: "removed", path: "IsWon", from_type: "boolean", target: "status" })], opportunity)).toBe(true);
  });
});
