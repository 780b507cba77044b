import { describe, expect, it } from "vitest";
import type { DriftChange, ObservedField } from "../../../../workers/aam/drift/schemas";
import { compileSubmitted } from "../../../../workers/aam/mapping/overrides-submit";
import type { MappingDocument } from "../../../../workers/aam/mapping/format";
import { createMatcher } from "../../../../workers/aam/matching/matcher";
import { offlineEmbedder } from "../../../../workers/aam/matching/embeddings/offline";
import { inMemoryIndex } from "../../../../workers/aam/matching/index/in-memory";
import { editAndCompile } from "../../../../workers/aam/repair/edit-document";
import { planRepair } from "../../../../workers/aam/repair/plan";
import { bundledText, fixedMatcher } from "../helpers";

const text = bundledText("mappings/salesforce/account.yaml");
const compiled = await compileSubmitted(text);
if (Array.isArray(compiled)) throw new Error("the bundled mapping compiles");
const document: MappingDocument = compiled.document;

const drift = (kind: DriftChange["kind"], path: string, fields: Partial<DriftChange> = {}): DriftChange => ({
  kind,
  path,
  to: null,
  from_type: null,
  to_type: null,
  target: null,
  samples: [],
  ...fields,
});
const observed = (path: string, samples: unknown[] = [], type: ObservedField["type"] = "string"): ObservedField => ({ path, type, seen: 10, samples });

const base = { system: "salesforce" as const, document, threshold: 0.9 };

describe("planRepair", () => {
  it("maps a removed path's target from the field that appeared in its place, as a rename", async () => {
    const changes = await planRepair({
      ...base,
      drift: [drift("removed", "AnnualRevenue", { target: "annual_revenue", from_type: "string" }), drift("added", "Annual_Revenue__c", { samples: [1250000] })],
      observed: [observed("Annual_Revenue__c", [1250000], "number"), observed("Name", ["Acme"])],
      matcher: fixedMatcher({ Annual_Revenue__c: [["annual_revenue", 0.96], [null, 0.03]] }),
    });
    expect(changes).toEqual([
      {
        target: "annual_revenue",
        action: "map",
        from: "Annual_Revenue__c",
        previous_from: "AnnualRevenue",
        confidence: 0.96,
        auto: true,
        reason: expect.stringContaining('"AnnualRevenue" renamed to "Annual_Revenue__c"'),
      },
    ]);
  });

  it("picks the best candidate for THAT target, each candidate once, from alternatives too", async () => {
    const changes = await planRepair({
      ...base,
      drift: [drift("removed", "AnnualRevenue", { target: "annual_revenue", from_type: "string" }), drift("removed", "Website", { target: "website", from_type: "string" })],
      observed: [observed("Revenue_2__c", ["1000"]), observed("Homepage__c", ["https://a.example"])],
      matcher: fixedMatcher({ Revenue_2__c: [["employee_count", 0.5], ["annual_revenue", 0.45]], Homepage__c: [["website", 0.93]] }),
    });
    expect(changes.map((c) => [c.target, c.from, c.confidence, c.auto])).toEqual([
      ["website", "Homepage__c", 0.93, true],
      ["annual_revenue", "Revenue_2__c", 0.45, false],
    ]);
  });

  it("unmaps a removed optional target nothing matches, and leaves a required one to a person", async () => {
    const changes = await planRepair({
      ...base,
      drift: [drift("removed", "Phone", { target: "phone", from_type: "string" }), drift("removed", "Name", { target: "name", from_type: "string" }), drift("added", "Colour__c")],
      observed: [observed("Colour__c", ["blue"])],
      matcher: fixedMatcher({ Colour__c: [[null, 0.95], ["name", 0.1]] }),
    });
    expect(changes).toEqual([
      expect.objectContaining({ target: "phone", action: "unmap", from: null, previous_from: "Phone", confidence: 1, auto: true }),
      expect.objectContaining({ target: "name", action: "map", from: null, previous_from: "Name", confidence: 0, auto: false, reason: expect.stringContaining("required") }),
    ]);
  });

  it("leaves a coalesce alone while another of its paths still exists", async () => {
    const changes = await planRepair({
      ...base,
      drift: [drift("removed", "BillingCity", { target: "billing_city", from_type: "string" })],
      observed: [observed("BillingAddress.city", ["Berlin"])],
      matcher: fixedMatcher({}),
    });
    expect(changes).toEqual([]);
  });

  it("retransforms a number field retyped to text with currency symbols and German separators; the result maps", async () => {
    const samples = ["€1.250.000,00", "€98.000,50"];
    const changes = await planRepair({
      ...base,
      drift: [drift("retyped", "AnnualRevenue", { target: "annual_revenue", from_type: "number", to_type: "string", samples })],
      observed: [observed("AnnualRevenue", samples)],
      matcher: fixedMatcher({}),
    });
    expect(changes).toEqual([
      expect.objectContaining({ target: "annual_revenue", action: "retransform", from: "AnnualRevenue", transforms: [{ number: { locale: "de-DE" } }], confidence: 1, auto: true }),
    ]);
    const { mapping } = await editAndCompile(text, changes, 2);
    expect(mapping.map({ Id: "1", Name: "Acme", AnnualRevenue: "€98.000,50", CurrencyIsoCode: "EUR" })).toMatchObject({ ok: true, data: { annual_revenue: 98000.5 } });
  });

  it("retransforms a datetime written differently with its format, and leaves a retype the transforms still read", async () => {
    const changes = await planRepair({
      ...base,
      drift: [
        drift("retyped", "CreatedDate", { target: "created_at", from_type: "datetime", to_type: "string", samples: ["14/03/2025 09:30", "01/12/2024 17:05"] }),
        drift("retyped", "NumberOfEmployees", { target: "employee_count", from_type: "integer", to_type: "string", samples: ["250", "1,200"] }),
      ],
      observed: [],
      matcher: fixedMatcher({}),
    });
    expect(changes).toEqual([expect.objectContaining({ target: "created_at", action: "retransform", transforms: [{ datetime: { format: "dd/MM/yyyy HH:mm" } }] })]);
  });

  it("with the real matcher, finds Salesforce's AnnualRevenue → Annual_Revenue__c rename", async () => {
    const matcher = createMatcher({ embedder: offlineEmbedder, index: inMemoryIndex(), memory: [], threshold: 0.9 });
    const changes = await planRepair({
      ...base,
      drift: [drift("removed", "AnnualRevenue", { target: "annual_revenue", from_type: "string" }), drift("added", "Annual_Revenue__c", { samples: [1250000, 98000] })],
      observed: [observed("Annual_Revenue__c", [1250000, 98000], "number"), observed("Name", ["Acme"])],
      matcher,
    });
    expect(changes).toEqual([expect.objectContaining({ target: "annual_revenue", action: "map", from: "Annual_Revenue__c", previous_from: "AnnualRevenue" })]);
    expect(changes[0]!.confidence).toBeGreaterThan(0.5);
  });
});
