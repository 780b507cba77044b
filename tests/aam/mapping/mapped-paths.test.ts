import { describe, expect, it } from "vitest";
import { mappedPaths, targetOf } from "../../../workers/aam/mapping/mapped-paths";
import { MappingDocumentSchema } from "../../../workers/aam/mapping/format";

const document = MappingDocumentSchema.parse({
  system: "mongodb",
  object: "deals",
  entity: "opportunity",
  version: 1,
  record_id: "_id",
  ignore: ["meta", "audit.log"],
  fields: {
    name: { concat: { from: ["title", "subtitle"] } },
    amount: { from: "value.amount", transforms: ["number"] },
    currency: { from: "value.currency", default: "EUR" },
    owner: { coalesce: ["owner.name", "owner.email"] },
    status: { expr: "won ? 'won' : (closed ? 'lost' : 'open')" },
    stage: { from: 'stages[0]["stage name"]' },
    description: { const: "imported" },
  },
});

describe("mappedPaths", () => {
  it("lists the paths each target reads, how it is lost, and the ignored paths", () => {
    expect(mappedPaths(document)).toEqual({
      targets: [
        { target: "source_id", paths: ["_id"], lostWhen: "any", optional: false, required: true },
        { target: "name", paths: ["title", "subtitle"], lostWhen: "any", optional: false, required: true },
        { target: "amount", paths: ["value.amount"], lostWhen: "any", optional: false, required: false },
        { target: "currency", paths: ["value.currency"], lostWhen: "any", optional: true, required: false },
        { target: "owner", paths: ["owner.name", "owner.email"], lostWhen: "all", optional: false, required: false },
        { target: "status", paths: ["won", "closed"], lostWhen: "any", optional: false, required: true },
        // arrays are observed whole: an index path is watched at the array
        { target: "stage", paths: ["stages"], lostWhen: "any", optional: false, required: false },
      ],
      ignored: ["meta", "audit.log"],
    });
  });

  it("names the target a path feeds, or null for a path that only feeds extras", () => {
    const mapped = mappedPaths(document);
    expect(targetOf(mapped, "owner.email")).toBe("owner");
    expect(targetOf(mapped, "closed")).toBe("status");
    expect(targetOf(mapped, "value")).toBeNull();
  });

  it("writes quoted keys as the observer does", () => {
    const csv = MappingDocumentSchema.parse({
      system: "filesource",
      object: "accounts",
      entity: "account",
      version: 1,
      record_id: "Account No",
      fields: { name: '["Company.Name"]', employee_count: { from: '["No. of Employees"]', transforms: ["integer"] } },
    });
    expect(mappedPaths(csv).targets.map((t) => t.paths)).toEqual([["Account No"], ['["Company.Name"]'], ['["No. of Employees"]']]);
  });
});
