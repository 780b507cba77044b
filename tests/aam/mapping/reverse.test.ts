/**
 * The reverse of a mapping: which canonical fields can be written back, to which source field, each value in the
 * source's form (and read forwards again to the very value written), and why the others cannot.
 */
import { describe, expect, it } from "vitest";
import { MappingFormatError } from "../../../workers/aam/mapping/errors";
import { loadMapping } from "../../../workers/aam/mapping/load";
import { type FieldReversal, reverseMapping } from "../../../workers/aam/mapping/reverse";
import { systemMappings } from "../../../workers/aam/mapping/registry";

const doc = (lines: string[]) =>
  loadMapping({ file: "test.yaml", text: ["system: supabase", "object: deals", "entity: opportunity", "version: 1", "record_id: id", ...lines, ""].join("\n") }).document;

const opportunity = (fields: string[], extra: string[] = []) =>
  reverseMapping(doc(["fields:", "  name: title", "  status: { const: open }", ...fields.map((f) => `  ${f}`), ...extra]));

function writable(reversal: FieldReversal | undefined) {
  if (reversal === undefined || !reversal.writable) throw new Error(`not writable: ${JSON.stringify(reversal)}`);
  return reversal;
}
const reasonOf = (reversal: FieldReversal | undefined) => (reversal !== undefined && !reversal.writable ? reversal.reason : undefined);

describe("the bundled mappings", () => {
  it("Salesforce Opportunity: plain fields and dates are writable, the computed ones say why not", async () => {
    const mapping = (await systemMappings()).get("salesforce", "Opportunity")!;
    const reverse = reverseMapping(mapping.document);
    expect(writable(reverse.fields.close_date).path).toBe("CloseDate");
    expect(writable(reverse.fields.close_date).toSource("2026-05-31")).toBe("2026-05-31");
    expect(writable(reverse.fields.probability).toSource(40)).toBe(40);
    expect(writable(reverse.fields.amount).toSource(0)).toBe(0);
    expect(writable(reverse.fields.name).toSource("Renewal")).toBe("Renewal");
    expect(reasonOf(reverse.fields.status)).toMatch(/expression IsClosed \? .*not inverted/);
    expect(reasonOf(reverse.fields.owner)).toMatch(/first of Owner\.Name, OwnerId .*ambiguous/);
    expect(reverse.writeBack).toEqual({ deal_score: "AOS_Deal_Score__c", win_probability: "AOS_Win_Probability__c", forecast_amount: "AOS_Forecast_Amount__c" });
  });

  it("MongoDB opportunities: the close date goes back in its stored format, the status map only where it is one-to-one", async () => {
    const reverse = reverseMapping((await systemMappings()).get("mongodb", "opportunities")!.document);
    expect(writable(reverse.fields.close_date).toSource("2026-03-31")).toBe("2026-03-31T00:00:00.000Z");
    const status = writable(reverse.fields.status);
    expect(status.path).toBe("stage");
    expect(status.toSource("won")).toBe("closed_won");
    expect(() => status.toSource("open")).toThrow(/several source values \(prospecting, qualification, proposal, negotiation\)/);
    expect(reasonOf(reverse.fields.owner)).toMatch(/nested path owner\.name/);
    expect(reverse.writeBack.deal_score).toBe("aos_deal_score");
  });
});

describe("transforms run backwards", () => {
  it("keeps values the transforms read back unchanged and refuses those they would change", () => {
    const reverse = opportunity(["stage: { from: stage, transforms: [trim, upper] }", "currency: { from: cur, transforms: [currency], default: USD }"]);
    const stage = writable(reverse.fields.stage);
    expect(stage.toSource("NEGOTIATION")).toBe("NEGOTIATION");
    expect(() => stage.toSource("negotiation")).toThrow('"negotiation" would read back from the source as "NEGOTIATION"');
    expect(stage.toSource(null)).toBeNull();
    const currency = writable(reverse.fields.currency);
    expect(currency.toSource("EUR")).toBe("EUR");
    expect(() => currency.toSource(null)).toThrow(/null would read back as the mapping's default "USD"/);
  });

  it("writes dates and datetimes in the source's format, epochs as numbers", () => {
    const reverse = opportunity([
      "close_date: { from: due, transforms: [{ date: { format: dd/MM/yyyy } }] }",
      "created_at: { from: made, transforms: [{ datetime: { format: epoch_seconds } }] }",
      "updated_at: { from: touched, transforms: [{ datetime: { format: \"d MMM yyyy h:mm a Z\" } }] }",
    ]);
    expect(writable(reverse.fields.close_date).toSource("2026-02-05")).toBe("05/02/2026");
    expect(writable(reverse.fields.created_at).toSource("2026-01-01T00:00:10.000Z")).toBe(1_767_225_610);
    expect(writable(reverse.fields.updated_at).toSource("2026-03-04T15:07:00.000Z")).toBe("4 Mar 2026 3:07 PM Z");
  });

  it("refuses a format that loses what was written (seconds) rather than writing something else", () => {
    const reverse = opportunity(["updated_at: { from: touched, transforms: [{ datetime: { format: \"yyyy-MM-dd HH:mm'Z'\" } }] }"]);
    expect(() => writable(reverse.fields.updated_at).toSource("2026-03-04T15:07:30.000Z")).toThrow(/would read back from the source as "2026-03-04T15:07:00.000Z"/);
  });

  it("says per field why it is not writable", () => {
    const reverse = opportunity([
      "amount: { from: amt, transforms: [{ number: { locale: de-DE } }] }",
      "currency: { const: EUR }",
      "description: { concat: { from: [a, b] } }",
      "owner: { from: rep, transforms: [{ split: { take: first } }] }",
      "type: { from: kind, transforms: [string] }",
      "lead_source: { from: \"sources[*]\", transforms: [first] }",
      "updated_at: { from: touched, transforms: [{ datetime: { format: \"yyyy-MM-dd HH:mm\", zone: Europe/Berlin } }] }",
      "stage: { from: id }",
    ]);
    expect(reasonOf(reverse.fields.amount)).toMatch(/number reads text formatted for de-DE/);
    expect(reasonOf(reverse.fields.currency)).toMatch(/constant of the mapping/);
    expect(reasonOf(reverse.fields.description)).toMatch(/joins a, b/);
    expect(reasonOf(reverse.fields.owner)).toMatch(/split takes one part/);
    expect(reasonOf(reverse.fields.type)).toMatch(/own type is not known/);
    expect(reasonOf(reverse.fields.lead_source)).toMatch(/nested path sources\[\*\]/);
    expect(reasonOf(reverse.fields.updated_at)).toMatch(/wall time in Europe\/Berlin/);
    expect(reasonOf(reverse.fields.stage)).toMatch(/the record's id/);
  });
});

describe("write_back in the mapping format", () => {
  const problems = (lines: string[]) => {
    try {
      doc(lines);
    } catch (error) {
      if (error instanceof MappingFormatError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
    return [];
  };

  it("accepts snake_case names for unmapped top-level fields", () => {
    expect(problems(["fields:", "  name: title", "  status: { const: open }", "write_back:", "  deal_score: aos_deal_score"])).toEqual([]);
  });

  it("refuses canonical field names, nested paths, fields the mapping reads, bad names and file sources", () => {
    const issues = problems([
      "fields:",
      "  name: title",
      "  status: { const: open }",
      "write_back:",
      "  probability: p",
      "  deal_score: score.value",
      "  win_probability: title",
      "  Forecast: f",
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/write_back\.probability: probability is a field of opportunity/),
        expect.stringMatching(/write_back\.deal_score: .*top-level source field/),
        expect.stringMatching(/write_back\.win_probability: "title" is read as name: write name instead/),
        expect.stringMatching(/snake_case/),
      ]),
    );
    const files = loadMappingProblems("filesource");
    expect(files).toEqual([expect.stringMatching(/files are read-only/)]);
  });
});

function loadMappingProblems(system: string): string[] {
  const text = [`system: ${system}`, "object: deals.csv", "entity: opportunity", "version: 1", "fields:", "  name: title", "  status: { const: open }", "write_back:", "  deal_score: score", ""].join("\n");
  try {
    loadMapping({ file: "test.yaml", text });
  } catch (error) {
    if (error instanceof MappingFormatError) return error.issues.map((i) => i.message);
    throw error;
  }
  return [];
}
