import { describe, expect, it } from "vitest";
import { MappingFormatError, type MappingIssue } from "../../../../workers/aam/mapping/errors";
import { loadMapping } from "../../../../workers/aam/mapping/load";

function issuesOf(text: string): MappingIssue[] {
  try {
    loadMapping({ file: "mappings/test/bad.yaml", text });
  } catch (error) {
    if (error instanceof MappingFormatError) return error.issues;
    throw error;
  }
  throw new Error("the document loaded");
}

const head = "system: salesforce\nobject: Opportunity\nentity: opportunity\nversion: 1\nrecord_id: Id\n";
const status = "  status: { const: open }\n";

describe("mapping documents that fail, with line numbers", () => {
  it("files patterns on a mapping that does not read files: the line of the files key", () => {
    const issues = issuesOf(`${head}files: ["opps*.csv"]\nfields:\n  name: Name\n${status}`);
    expect(issues).toEqual([
      { file: "mappings/test/bad.yaml", line: 6, column: 1, path: "files", message: "only filesource mappings read files (this one is salesforce)" },
    ]);
  });

  it("a files pattern with a folder, or an empty list: the line of the offending value", () => {
    const doc = (files: string) => `system: filesource\nobject: x\nentity: account\nversion: 1\nfiles: ${files}\nfields: { name: Name }\n`;
    expect(issuesOf(doc('["ok*.csv", "exports/a*.csv"]'))).toMatchObject([
      { line: 5, column: 20, path: "files[1]", message: "a file pattern matches a file name, so it cannot contain '/'" },
    ]);
    expect(issuesOf(doc("[]"))).toMatchObject([{ line: 5, path: "files" }]);
  });

  it("unknown transform: the line of the entry", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n${status}  amount:\n    from: Amount\n    transforms:\n      - trim\n      - shout\n`);
    expect(issues).toEqual([
      { file: "mappings/test/bad.yaml", line: 13, column: 9, path: "fields.amount.transforms[1]", message: expect.stringContaining('unknown transform "shout"') as string },
    ]);
  });

  it("bad transform option: the line of the option", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n${status}  amount:\n    from: Amount\n    transforms:\n      - number:\n          locale: xx-INVALID-LOCALE-TAG\n`);
    expect(issues).toMatchObject([{ line: 13, column: 19, path: "fields.amount.transforms[0].number.locale", message: "number: unknown or unsupported locale" }]);
  });

  it("missing entity: reported as required at the document's start", () => {
    const issues = issuesOf("system: salesforce\nobject: Account\nversion: 1\nfields: { name: Name }\n");
    expect(issues).toMatchObject([{ line: 1, column: 1, path: "entity" }]);
    expect(issues[0]!.message).toMatch(/^required/);
  });

  it("YAML syntax (bad indentation): the line of the value the stray line would continue", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n    stage: StageName\n`);
    expect(issues[0]).toEqual({ file: "mappings/test/bad.yaml", line: 7, column: 9, path: "", message: "Nested mappings are not allowed in compact mappings" });
  });

  it("YAML syntax (unclosed flow map): the line", () => {
    const issues = issuesOf(`${head}fields:\n  name: { from: Name\n  stage: StageName\n`);
    expect(issues[0]!.line).toBeGreaterThanOrEqual(7);
    expect(issues[0]!.line).toBeLessThanOrEqual(9);
  });

  it("duplicate keys are an error, not the last one winning", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n  name: Title\n${status}`);
    expect(issues[0]).toMatchObject({ line: 8, message: expect.stringMatching(/unique/) as string });
  });

  it("unknown target field: the line of its key", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n${status}  revenue: Amount\n`);
    expect(issues).toMatchObject([{ line: 9, column: 3, path: "fields.revenue", message: expect.stringContaining('"revenue" is not a field of opportunity') }]);
  });

  it("source_id and extras cannot be mapped", () => {
    const issues = issuesOf(`${head}fields:\n  source_id: Id\n  name: Name\n${status}  extras: Other\n`);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [7, "fields.source_id"],
      [10, "fields.extras"],
    ]);
  });

  it("a required canonical field left unmapped: the fields key", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n`);
    expect(issues).toMatchObject([{ line: 6, path: "fields", message: "opportunity.status is required (never null): map it" }]);
  });

  it("unknown top-level key: its line", () => {
    const issues = issuesOf(`${head}mapping_mode: strict\nfields:\n  name: Name\n${status}`);
    expect(issues).toMatchObject([{ line: 6, column: 1, message: expect.stringContaining("mapping_mode") }]);
  });

  it("a field with two sources, and one with none", () => {
    const issues = issuesOf(`${head}fields:\n  name: { from: Name, const: x }\n${status}  stage: { transforms: [trim] }\n`);
    expect(issues).toMatchObject([
      { line: 7, path: "fields.name", message: "a field has one source, got from and const" },
      { line: 9, path: "fields.stage", message: expect.stringContaining("a field needs a source") },
    ]);
  });

  it("bad expression: the line, and the column inside the expression", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n  status:\n    expr: "IsWon ? 'won' 'lost'"\n`);
    expect(issues).toMatchObject([{ line: 9, path: "fields.status.expr", message: 'bad expression: expected ":" at column 15' }]);
  });

  it("bad path", () => {
    const issues = issuesOf(`${head}fields:\n  name: Name\n${status}  stage: Stage[x]\n`);
    expect(issues).toMatchObject([{ line: 9, path: "fields.stage.from", message: expect.stringContaining('bad path "Stage[x]"') }]);
  });

  it("wrong types, every issue at once, in line order", () => {
    const issues = issuesOf("system: oracle\nobject: Account\nentity: account\nversion: one\nfields:\n  name: Name\n  employee_count: { from: N, default: [1] }\n");
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [1, "system"],
      [4, "version"],
      [7, "fields.employee_count.default"],
    ]);
  });

  it("an empty file", () => {
    expect(issuesOf("")).toMatchObject([{ line: 1, path: "" }]);
  });

  it("formats every issue as file:line:column: path: reason", () => {
    const text = `${head}fields:\n  name: Name\n${status}  revenue: Amount\n`;
    expect(() => loadMapping({ file: "mappings/x.yaml", text })).toThrow(
      'mappings/x.yaml:9:3: fields.revenue: "revenue" is not a field of opportunity',
    );
  });
});
