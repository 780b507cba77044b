// The Ontology page's pure logic: the canonical JSON Schema as field rows, diffs as numbered lines, a sample record
// from a mapping's source paths, the YAML editor's text operations, document issues, grouping and naming.
import { createTwoFilesPatch } from "diff";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../app/src/lib/api/problem";
import { diffLines, diffStats } from "../../app/src/lib/ontology/diff-lines";
import { documentVersion, insertIndent, lineCount, offsetOf, removeIndent, withVersion } from "../../app/src/lib/ontology/editor-text";
import { formatValue, formatWhen } from "../../app/src/lib/ontology/format";
import { describeIssue, saveIssues, validationIssues } from "../../app/src/lib/ontology/issues";
import { groupBySystem, mappingApiPath, mappingHref } from "../../app/src/lib/ontology/mapping-groups";
import { exampleRecord, parseSamples, samplesText } from "../../app/src/lib/ontology/sample-record";
import { envelopeFields, schemaFields } from "../../app/src/lib/ontology/schema-fields";
import type { Mapping, MappingSummary } from "../../app/src/lib/ontology/types";
import { versionLabel, versionRef } from "../../app/src/lib/ontology/versions";
import { canonicalJsonSchemas } from "../../workers/canonical/json-schema";

describe("schema fields", () => {
  // the JSON Schema GET /api/v1/aam/canonical serves, from the canonical zod schemas
  const { account, event } = canonicalJsonSchemas();
  const fields = schemaFields(account as Record<string, unknown>);
  const field = (name: string) => fields.find((f) => f.name === name)!;

  it("lists every property in the schema's order", () => {
    expect(fields.map((f) => f.name).slice(0, 3)).toEqual(["source_id", "name", "industry"]);
    expect(fields.map((f) => f.name)).toEqual(Object.keys((account as { properties: object }).properties));
  });

  it("marks only never-null fields as required, whether nullable is a type list or an anyOf branch", () => {
    expect(field("source_id")).toMatchObject({ type: "string", required: true, description: "The source's own id for the record" });
    expect(field("industry")).toMatchObject({ type: "string", required: false });
    expect(field("employee_count")).toMatchObject({ required: false, description: "Number of employees" });
    expect(field("extras")).toMatchObject({ type: "object", required: true, children: [] });
  });

  it("labels formats and ranges (not the safe-integer bound) and finds a description on an anyOf branch", () => {
    expect(field("employee_count").type).toBe("integer ≥ 0");
    expect(field("created_at").type).toBe("string (date-time)");
    expect(field("currency").description).toBe("ISO 4217 code of the currency the record's money amounts are in");
    expect(schemaFields({ properties: { score: { type: "integer", minimum: 0, maximum: 100 }, any: {} } })).toEqual([
      { name: "score", type: "integer 0–100", required: false, description: null, values: [], children: [] },
      { name: "any", type: "any", required: false, description: null, values: [], children: [] },
    ]);
  });

  it("shows the envelope once: nested meta and source, every entity as a value of `entity`, `data` without children", () => {
    const envelope = envelopeFields(event as Record<string, unknown>);
    expect(envelope.map((f) => f.name)).toEqual(["meta", "source", "entity", "data"]);
    const [meta, source, entity, data] = envelope;
    expect(meta!.children.find((c) => c.name === "op")).toMatchObject({ values: ["upsert", "delete"], required: true });
    expect(meta!.children.find((c) => c.name === "version")!.values).toEqual(["1"]);
    expect(source!.children.find((c) => c.name === "system")!.values).toEqual(["salesforce", "supabase", "mongodb", "filesource"]);
    expect(entity!.values).toEqual(["account", "opportunity", "contact", "cost"]);
    expect(data!.children).toEqual([]);
    expect(data!.description).not.toBeNull();
  });
});

describe("diff lines", () => {
  // the API builds `patch` with jsdiff's createTwoFilesPatch
  const before = "system: filesource\nversion: 1\nobject: accounts\nentity: account\nfields:\n  name: Name\n  phone: Phone\n";
  const after = "system: filesource\nversion: 2\nobject: accounts\nentity: account\nfields:\n  name: Name\n  phone: Phone\n  website: Website\n";
  const lines = diffLines(createTwoFilesPatch("filesource/accounts@1", "filesource/accounts@2", before, after, undefined, undefined, { context: 1 }));

  it("keeps the file headers, then numbers each hunk's lines from its header", () => {
    expect(lines.filter((l) => l.kind === "file").map((l) => l.text)).toEqual([
      "===================================================================",
      "--- filesource/accounts@1",
      "+++ filesource/accounts@2",
    ]);
    expect(lines.filter((l) => l.kind !== "file").map((l) => [l.kind, l.oldLine, l.newLine, l.text])).toEqual([
      ["hunk", null, null, "@@ -1,3 +1,3 @@"],
      ["context", 1, 1, " system: filesource"],
      ["removed", 2, null, "-version: 1"],
      ["added", null, 2, "+version: 2"],
      ["context", 3, 3, " object: accounts"],
      ["hunk", null, null, "@@ -7,1 +7,2 @@"],
      ["context", 7, 7, "   phone: Phone"],
      ["added", null, 8, "+  website: Website"],
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
  });

  it("keeps a `\\ No newline` note and reads `---`/`+++` inside a hunk as a removed/added line", () => {
    const patch = "--- a\n+++ b\n@@ -1 +1 @@\n---x\n+++x\n\\ No newline at end of file\n";
    expect(diffLines(patch).map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      ["file", null, null], ["file", null, null], ["hunk", null, null], ["removed", 1, null], ["added", null, 1], ["note", null, null],
    ]);
    expect(diffLines("")).toEqual([]);
  });
});

describe("sample record", () => {
  const mapping = (source: string, fields: Mapping["fields"]) => ({ source, fields });
  const f = (field: string, source: string, transforms: string[] = []): Mapping["fields"][number] => ({ field, source, transforms, default: null });

  it("fills every path the mapping reads with a placeholder its transforms accept", () => {
    const record = exampleRecord(mapping("system: salesforce\nobject: Account\nrecord_id: Id  # the record's id\n", [
      f("source_id", "Id"),
      f("name", "Name"),
      f("email", "Email", ["lower"]),
      f("annual_revenue", "AnnualRevenue", ["number"]),
      f("is_active", "Active__c", ["boolean"]),
      f("created_at", "CreatedDate", ["datetime"]),
      f("owner", "Owner.Name"),
      f("employee_count", "[\"No. of Employees\"]", ["integer"]),
      f("phone", "coalesce: Phone, MobilePhone"),
      f("full_name", "concat: First, Last"),
      f("currency", "const"),
      f("website", "Links[0]"),
      f("description", "expr: upper(`Desc Text`) + ' - ' + Notes.Body + 'said true'"),
    ]));
    expect(record).toEqual({
      Id: "example-1", // the record_id line comes first; the field reading it keeps it
      Name: "Example name",
      Email: "ada@example.com",
      AnnualRevenue: 1200,
      Active__c: true,
      CreatedDate: null,
      Owner: { Name: "Example owner" },
      "No. of Employees": 1200,
      Phone: "+1 555 0100",
      First: "Example full name",
      Last: "Example full name",
      "Desc Text": null,
      Notes: { Body: null },
    });
  });

  it("lets the first field to read a path set it, and reads a quoted record_id", () => {
    const record = exampleRecord(mapping("record_id: \"external id\"\n", [f("annual_revenue", "Amount", ["round"]), f("name", "Amount")]));
    expect(record).toEqual({ "external id": "example-1", Amount: 1200 });
    expect(exampleRecord(mapping("object: x\n", []))).toEqual({});
  });

  it("parses typed samples: an object or an array of objects, nothing when empty, an error otherwise", () => {
    expect(parseSamples("  ")).toEqual({ samples: undefined });
    expect(parseSamples('{"Id": "1"}')).toEqual({ samples: [{ Id: "1" }] });
    expect(parseSamples('[{"Id": "1"}, {"Id": "2"}]')).toEqual({ samples: [{ Id: "1" }, { Id: "2" }] });
    expect(parseSamples("[1, null]")).toEqual({ error: "Each sample must be a JSON object (a raw source record)" });
    expect(parseSamples('[["Id"]]')).toHaveProperty("error");
    expect((parseSamples("{Id: 1}") as { error: string }).error).toMatch(/^Not JSON: /);
    expect(parseSamples(samplesText([{ Id: "1", n: 0 }]))).toEqual({ samples: [{ Id: "1", n: 0 }] });
  });
});

describe("editor text", () => {
  const text = "system: filesource\nversion: 3\nfields:\n    name: Name";

  it("converts a 1-based line and column to an offset, clamped to the line and the text", () => {
    expect(text[offsetOf(text, 2, 10)]).toBe("3");
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 0)).toBe(19); // before the first column: the line's start
    expect(offsetOf(text, 2, 99)).toBe(29); // past the line's end: its end, not the next line
    expect(offsetOf(text, 9, 1)).toBe(text.length);
    expect(lineCount(text)).toBe(4);
  });

  it("indents with two spaces over the selection and removes at most two from the caret's line", () => {
    expect(insertIndent("ab", 1, 2)).toEqual({ text: "a  ", caret: 3 });
    const caret = text.indexOf("name") + 2;
    const once = removeIndent(text, caret);
    expect(once.text.endsWith("\n  name: Name")).toBe(true);
    expect(once.caret).toBe(caret - 2);
    expect(removeIndent("a\nb", 3)).toEqual({ text: "a\nb", caret: 3 });
    // the caret never moves before its line's start
    expect(removeIndent("a\n  b", 3)).toEqual({ text: "a\nb", caret: 2 });
  });

  it("reads and sets the document's top-level version", () => {
    expect(documentVersion(text)).toBe(3);
    expect(documentVersion("fields:\n  version: 2")).toBeNull();
    expect(withVersion(text, 4)).toBe(text.replace("version: 3", "version: 4"));
    expect(withVersion("object: x", 4)).toBe("object: x");
  });
});

describe("issues", () => {
  it("gives validation errors a place only when line and column are 1 or more", () => {
    const issues = validationIssues({
      valid: false,
      errors: [
        { file: "mapping.yaml", line: 3, column: 5, path: "fields.amount.transforms[0]", message: "unknown transform" },
        { file: "mapping.yaml", line: 0, column: 0, path: "", message: "the document is empty" },
      ],
    });
    expect(issues).toEqual([
      { line: 3, column: 5, path: "fields.amount.transforms[0]", message: "unknown transform" },
      { line: null, column: null, path: "", message: "the document is empty" },
    ]);
    expect(issues.map(describeIssue)).toEqual(["Line 3, column 5: fields.amount.transforms[0]: unknown transform", "the document is empty"]);
    expect(describeIssue({ line: 2, column: null, path: "object", message: "required" })).toBe("Line 2: object: required");
  });

  it("reads a failed save's per-line issues from the problem, without the body prefix", () => {
    const error = new ApiError({
      type: "https://autonomos.dev/problems/invalid-mapping", title: "The mapping document is invalid", status: 422, trace_id: "t1",
      errors: [{ path: "body.source", message: "bad indentation", code: "invalid_mapping", line: 4, column: 1 }, { path: "body.comment", message: "too long", code: "too_big" }],
    });
    expect(saveIssues(error)).toEqual([
      { line: 4, column: 1, path: "source", message: "bad indentation" },
      { line: null, column: null, path: "comment", message: "too long" },
    ]);
    expect(saveIssues(new TypeError("Failed to fetch"))).toEqual([]);
    expect(saveIssues(new ApiError({ type: "https://autonomos.dev/problems/conflict", title: "changed", status: 409, trace_id: "t2" }))).toEqual([]);
  });
});

describe("mappings and versions", () => {
  const summary = (system: MappingSummary["system"], object: string): MappingSummary => ({
    system, object, entity: "account", version: 1, mapping_version: `${system}/${object}@1#abc`, origin: "system", updated_at: null,
  });

  it("groups mappings by system in the API's order", () => {
    const groups = groupBySystem([summary("filesource", "accounts"), summary("filesource", "contacts"), summary("salesforce", "Account")]);
    expect(groups.map((g) => [g.system, g.mappings.map((m) => m.object)])).toEqual([["filesource", ["accounts", "contacts"]], ["salesforce", ["Account"]]]);
    expect(groupBySystem([])).toEqual([]);
  });

  it("encodes objects in console and API paths", () => {
    expect(mappingHref({ system: "filesource", object: "q1 deals/2026.csv" })).toBe("/ontology/filesource/q1%20deals%2F2026.csv");
    expect(mappingApiPath("filesource", "a/b", "/versions")).toBe("/api/v1/aam/mappings/filesource/a%2Fb/versions");
    expect(mappingApiPath("salesforce", "Account")).toBe("/api/v1/aam/mappings/salesforce/Account");
  });

  it("names the system default and tenant versions", () => {
    expect([versionRef({ origin: "system", version: 2 }), versionLabel({ origin: "system", version: 2 })]).toEqual(["system", "v2 (system default)"]);
    expect([versionRef({ origin: "tenant", version: 3 }), versionLabel({ origin: "tenant", version: 3 })]).toEqual(["3", "v3"]);
  });

  it("formats times and canonical values, telling empty strings and null apart", () => {
    expect(formatWhen(null)).toBe("—");
    expect(formatWhen(null, "system default")).toBe("system default");
    expect(formatWhen("not a date")).toBe("not a date");
    const when = formatWhen("2026-11-26T10:00:00Z");
    expect(when).not.toBe("2026-11-26T10:00:00Z");
    expect(when).toContain("2026");
    expect([formatValue(""), formatValue(null), formatValue("null"), formatValue(0), formatValue(undefined)]).toEqual(['""', "null", '"null"', "0", "—"]);
  });
});
