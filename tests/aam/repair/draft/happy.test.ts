import { describe, expect, it } from "vitest";
import { compileSubmitted } from "../../../../workers/aam/mapping/overrides-submit";
import type { RegisteredMapping } from "../../../../workers/aam/mapping/registry";
import type { ObservedField } from "../../../../workers/aam/drift/schemas";
import { createMatcher } from "../../../../workers/aam/matching/matcher";
import { offlineEmbedder } from "../../../../workers/aam/matching/embeddings/offline";
import { inMemoryIndex } from "../../../../workers/aam/matching/index/in-memory";
import { draftOnboarding } from "../../../../workers/aam/repair/draft";
import { fixedMatcher } from "../helpers";

/** A CSV export never seen before, with German headers and German number and date formats. */
const kunden: ObservedField[] = [
  { path: "Kundennummer", type: "string", seen: 3, samples: ["K-100", "K-101"] },
  { path: "Firmenname", type: "string", seen: 3, samples: [" Müller GmbH ", "Acme AG"] },
  { path: "Umsatz", type: "string", seen: 3, samples: ["1.234.567,89", "98.000,00"] },
  { path: "Währung", type: "string", seen: 3, samples: ["EUR", "eur"] },
  { path: "Mitarbeiter", type: "string", seen: 3, samples: ["250", "1.200"] },
  { path: "Gegründet am", type: "string", seen: 3, samples: ["14.03.2021", "01.12.2019"] },
  { path: "Webseite", type: "string", seen: 3, samples: ["https://mueller.de"] },
  { path: "Lieblingsfarbe", type: "string", seen: 3, samples: ["blau"] },
];
const target = { system: "filesource" as const, object: "kunden.csv", entity: "account" as const, files: ["kunden*.csv"] };
const row = { Kundennummer: "K-100", Firmenname: " Müller GmbH ", Umsatz: "1.234.567,89", Währung: "eur", Mitarbeiter: "1.200", "Gegründet am": "14.03.2021", Webseite: "https://mueller.de", Lieblingsfarbe: "blau" };

const confident = fixedMatcher({
  Kundennummer: [["source_id", 0.97]],
  Firmenname: [["name", 0.96]],
  Umsatz: [["annual_revenue", 0.95]],
  Währung: [["currency", 0.97]],
  Mitarbeiter: [["employee_count", 0.94]],
  "Gegründet am": [["created_at", 0.92]],
  Webseite: [["website", 0.7], [null, 0.2]],
  Lieblingsfarbe: [[null, 0.95]],
});

async function compiled(text: string | null): Promise<RegisteredMapping> {
  const mapping = await compileSubmitted(text!);
  if (Array.isArray(mapping)) throw new Error(JSON.stringify(mapping));
  return mapping;
}

describe("draftOnboarding", () => {
  it("applies the confident matches with transforms for each target's type and the samples' locale and format", async () => {
    const { matches } = await confident({ entity: "account", fields: kunden.map((f) => ({ name: f.path, samples: f.samples })) });
    const draft = draftOnboarding(target, kunden, matches);
    expect(draft.missing_required).toEqual([]);
    expect(draft.document).toContain("files: [kunden*.csv]");
    expect(draft.document!.indexOf("  name:")).toBeLessThan(draft.document!.indexOf("  created_at:"));
    expect(draft.document).toMatch(/^record_id: Kundennummer$/m);
    expect(draft.document).toContain("extras: rest");
    expect(draft.document).toContain("annual_revenue: { from: Umsatz, transforms: [{ number: { locale: de-DE } }] }");
    expect(draft.document).toContain("employee_count: { from: Mitarbeiter, transforms: [{ integer: { locale: de-DE } }] }");
    expect(draft.document).toContain("created_at: { from: Gegründet am, transforms: [{ datetime: { format: dd.MM.yyyy } }] }");
    expect(draft.document).toContain("name: { from: Firmenname, transforms: [trim] }");
    expect(draft.document).toContain("currency: { from: Währung, transforms: [currency] }");

    const mapping = await compiled(draft.document);
    expect(mapping.map(row)).toMatchObject({
      ok: true,
      data: {
        source_id: "K-100",
        name: "Müller GmbH",
        annual_revenue: 1234567.89,
        currency: "EUR",
        employee_count: 1200,
        created_at: "2021-03-14T00:00:00.000Z",
        website: null,
        extras: { Webseite: "https://mueller.de", Lieblingsfarbe: "blau" },
      },
    });
  });

  it("leaves the uncertain matches pending for approval", async () => {
    const { matches } = await confident({ entity: "account", fields: kunden.map((f) => ({ name: f.path })) });
    const draft = draftOnboarding(target, kunden, matches);
    expect(draft.pending).toEqual([expect.objectContaining({ target: "website", from: "Webseite", auto: false, confidence: 0.7, transforms: ["trim", "empty_as_null"] })]);
    expect(draft.applied.map((c) => c.target).sort()).toEqual(["annual_revenue", "created_at", "currency", "employee_count", "name", "source_id"]);
  });

  it("cannot apply a draft whose required fields are not confidently matched: everything waits", async () => {
    const unsure = fixedMatcher({ Firmenname: [["name", 0.6]], Umsatz: [["annual_revenue", 0.95]] });
    const { matches } = await unsure({ entity: "account", fields: kunden.map((f) => ({ name: f.path })) });
    const draft = draftOnboarding(target, kunden, matches);
    expect(draft).toMatchObject({ missing_required: ["name"], applied: [], document: null });
    expect(draft.pending.map((c) => c.target).sort()).toEqual(["annual_revenue", "name"]);
  });

  it("with the real matcher, drafts a mapping for unseen German headers that compiles and maps the record", async () => {
    const matcher = createMatcher({ embedder: offlineEmbedder, index: inMemoryIndex(), memory: [], threshold: 0.9 });
    const { matches } = await matcher({ entity: "account", system: "filesource", fields: kunden.map((f) => ({ name: f.path, samples: f.samples })) });
    const draft = draftOnboarding(target, kunden, matches);
    const byTarget = Object.fromEntries(draft.changes.map((c) => [c.target, c.from]));
    expect(byTarget).toMatchObject({ name: "Firmenname", annual_revenue: "Umsatz", employee_count: "Mitarbeiter" });
    const applicable = draftOnboarding(target, kunden, matches.map((m) => ({ ...m, auto_apply: m.target !== null })));
    const mapping = await compiled(applicable.document);
    expect(mapping.map(row)).toMatchObject({ ok: true, data: { name: "Müller GmbH", annual_revenue: 1234567.89, employee_count: 1200 } });
  });
});
