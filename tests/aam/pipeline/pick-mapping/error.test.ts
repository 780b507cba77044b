import { describe, expect, it } from "vitest";
import { createMappingRegistry } from "../../../../workers/aam/mapping/registry";
import { pickMapping } from "../../../../workers/aam/pipeline/pick-mapping";

const doc = (object: string, files?: string) =>
  `system: filesource\nobject: ${object}\n${files === undefined ? "" : `files: ${files}\n`}entity: account\nversion: 1\nfields: { name: Name }\n`;

const registry = await createMappingRegistry([
  { file: "a.yaml", text: doc("crm-a", '["export*.csv"]') },
  { file: "b.yaml", text: doc("crm-b", '["*.csv"]') },
  { file: "c.yaml", text: doc("crm-c") },
]);

describe("objects no single mapping reads: a reason, never a guess", () => {
  it("names every mapping whose files match, when the entity does not tell them apart", () => {
    expect(pickMapping(registry, { system: "filesource", object: "export.csv", entity: "account" })).toBe(
      '"export.csv" matches the files of 2 mappings (filesource/crm-a, filesource/crm-b)',
    );
    expect(pickMapping(registry, { system: "filesource", object: "export.csv", entity: undefined })).toBe(
      '"export.csv" matches the files of 2 mappings (filesource/crm-a, filesource/crm-b)',
    );
  });

  it("says no entity was chosen when no pattern matches", () => {
    expect(pickMapping(registry, { system: "filesource", object: "x.tsv", entity: undefined })).toBe(
      "no mapping for filesource/x.tsv: no mapping's files match it and no entity was chosen",
    );
  });

  it("names the candidates when several mappings produce the entity, and says when none does", () => {
    expect(pickMapping(registry, { system: "filesource", object: "x.tsv", entity: "account" })).toBe(
      "no mapping for filesource/x.tsv, and 3 mappings of filesource produce account (filesource/crm-a, filesource/crm-b, filesource/crm-c)",
    );
    expect(pickMapping(registry, { system: "filesource", object: "x.tsv", entity: "contact" })).toBe(
      "no mapping for filesource/x.tsv and none of filesource produces contact",
    );
  });

  it("does not apply one system's file patterns to another system's objects", () => {
    expect(typeof pickMapping(registry, { system: "salesforce", object: "export.csv", entity: undefined })).toBe("string");
  });
});
