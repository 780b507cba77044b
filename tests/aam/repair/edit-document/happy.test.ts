import { describe, expect, it } from "vitest";
import { editAndCompile, editMappingText } from "../../../../workers/aam/repair/edit-document";
import { bundledText, change } from "../helpers";

const account = bundledText("mappings/salesforce/account.yaml");

describe("editMappingText", () => {
  it("repoints a renamed field, keeps its transforms and every comment, bumps the version, and compiles", async () => {
    const { text, mapping } = await editAndCompile(
      account,
      [change({ target: "annual_revenue", action: "map", from: "Annual_Revenue__c", previous_from: "AnnualRevenue" })],
      2,
    );
    expect(text).toContain("annual_revenue: { from: Annual_Revenue__c, transforms: [number] }");
    expect(text).toContain("# REST responses carry {type, url} metadata about the response itself, not the record.");
    expect(text).toContain("# CurrencyIsoCode exists only in multi-currency orgs");
    expect(text).toMatch(/^version: 2$/m);
    // everything else is untouched line for line
    expect(text.split("\n").filter((line) => !account.split("\n").includes(line))).toHaveLength(2);
    expect(mapping.version).toBe(2);
    expect(mapping.map({ Id: "1", Name: "Acme", Annual_Revenue__c: 5 }).ok).toBe(true);
    expect(mapping.sources.annual_revenue).toBe("Annual_Revenue__c");
  });

  it("keeps the `name: Name` shorthand a shorthand", () => {
    const text = ["system: supabase", "object: t", "entity: account", "version: 1", "fields:", "  name: company # the firm", ""].join("\n");
    expect(editMappingText(text, [change({ target: "name", action: "map", from: "firm" })], 2)).toContain("  name: firm # the firm");
  });

  it("replaces the removed path inside a coalesce, and turns a coalesce into `from` when the old path is not in it", () => {
    const inside = editMappingText(account, [change({ target: "billing_city", action: "map", from: "Billing_City__c", previous_from: "BillingCity" })], 2);
    expect(inside).toContain("billing_city: { coalesce: [Billing_City__c, BillingAddress.city], transforms: [trim, empty_as_null] }");
    const whole = editMappingText(account, [change({ target: "owner", action: "map", from: "Owner_Name__c" })], 2);
    expect(whole).toMatch(/owner: \{ from: Owner_Name__c \}/);
  });

  it("unmaps an optional target, replaces transforms, and maps a new target and the record id", async () => {
    const { text, mapping } = await editAndCompile(
      account,
      [
        change({ target: "phone", action: "unmap", previous_from: "Phone" }),
        change({ target: "annual_revenue", action: "retransform", from: "AnnualRevenue", transforms: [{ number: { locale: "de-DE" } }] }),
        change({ target: "source_id", action: "map", from: "Account_Key__c" }),
      ],
      7,
    );
    expect(text).not.toContain("phone:");
    expect(text).toContain("annual_revenue: { from: AnnualRevenue, transforms: [{ number: { locale: de-DE } }] }");
    expect(text).toMatch(/^record_id: Account_Key__c$/m);
    expect(mapping.map({ Account_Key__c: "K-1", Name: "Acme", AnnualRevenue: "1.234,50", CurrencyIsoCode: "EUR" })).toMatchObject({
      ok: true,
      data: { source_id: "K-1", annual_revenue: 1234.5, phone: null },
    });
  });

  it("fills a drafted document that had no fields yet", async () => {
    const empty = ["system: filesource", "object: people.csv", "entity: contact", "version: 1", "record_id: Nr", "extras: rest", "fields: {}", ""].join("\n");
    const { mapping } = await editAndCompile(empty, [change({ target: "email", action: "map", from: "E-Mail", transforms: ["trim", "lower"] })], 2);
    expect(mapping.map({ Nr: "7", "E-Mail": " A@B.DE " })).toMatchObject({ ok: true, data: { source_id: "7", email: "a@b.de" } });
  });

  it("adds a target the document did not map, as `{ from, transforms }`", async () => {
    const { mapping } = await editAndCompile(account, [change({ target: "owner", action: "unmap" }), change({ target: "owner", action: "map", from: "Owner__c", transforms: ["trim"] })], 2);
    expect(mapping.map({ Id: "1", Name: "A", Owner__c: " Ann " })).toMatchObject({ ok: true, data: { owner: "Ann" } });
  });
});
