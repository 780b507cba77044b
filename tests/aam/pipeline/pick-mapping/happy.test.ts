import { describe, expect, it } from "vitest";
import { createMappingRegistry } from "../../../../workers/aam/mapping/registry";
import { pickMapping } from "../../../../workers/aam/pipeline/pick-mapping";

const doc = (object: string, entity: string, files?: string) =>
  `system: filesource\nobject: ${object}\n${files === undefined ? "" : `files: ${files}\n`}entity: ${entity}\nversion: 1\nfields: { ${entity === "contact" ? "email: Email" : "name: Name"}${entity === "opportunity" ? ", status: { const: open }" : ""} }\n`;

const registry = await createMappingRegistry([
  { file: "a.yaml", text: doc("accounts", "account", '["accounts*.csv"]') },
  { file: "b.yaml", text: doc("crm-export", "account", '["export*.csv"]') },
  { file: "c.yaml", text: doc("crm-export-deals", "opportunity", '["export*.csv"]') },
  { file: "d.yaml", text: doc("people", "contact") },
]);

const pick = (object: string, entity?: "account" | "opportunity" | "contact") => {
  const picked = pickMapping(registry, { system: "filesource", object, entity });
  return typeof picked === "string" ? picked : picked.object;
};

describe("picking the mapping for a source object", () => {
  it("takes the mapping of the exact object first, whatever the entity or the patterns say", () => {
    expect(pick("accounts")).toBe("accounts");
    expect(pick("people", "contact")).toBe("people");
  });

  it("takes the one mapping whose files match the name, case-insensitively, without an entity", () => {
    expect(pick("Accounts-2025.CSV")).toBe("accounts");
  });

  it("takes the entity's mapping among several whose files match", () => {
    expect(pick("export-06.csv", "account")).toBe("crm-export");
    expect(pick("export-06.csv", "opportunity")).toBe("crm-export-deals");
  });

  it("falls back to the one mapping that produces the chosen entity when no pattern matches", () => {
    expect(pick("leads.csv", "contact")).toBe("people");
  });

  it("never lets a name override the chosen entity: a match of another entity falls back to the entity", () => {
    expect(pick("accounts.csv", "contact")).toBe("people");
  });
});
