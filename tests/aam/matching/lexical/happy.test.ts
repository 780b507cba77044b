import { describe, expect, it } from "vitest";
import { vocabulary } from "../../../../workers/aam/matching/knowledge";
import { foldAccents, nameTokens, splitCompound, splitWords, textTokens } from "../../../../workers/aam/matching/lexical";

const words = (name: string) => nameTokens(name, vocabulary).map((token) => token.word);

describe("splitting field names into words", () => {
  it("splits camelCase, PascalCase, snake_case, kebab-case and acronyms", () => {
    expect(splitWords("annualRevenue")).toEqual(["annual", "revenue"]);
    expect(splitWords("LastModifiedDate")).toEqual(["last", "modified", "date"]);
    expect(splitWords("bill_country")).toEqual(["bill", "country"]);
    expect(splitWords("close-date")).toEqual(["close", "date"]);
    expect(splitWords("CurrencyISOCode")).toEqual(["currency", "iso", "code"]);
    expect(splitWords("address1_city")).toEqual(["address", "1", "city"]);
  });

  it("strips Salesforce custom suffixes and namespace prefixes", () => {
    expect(splitWords("Annual_Revenue__c")).toEqual(["annual", "revenue"]);
    expect(splitWords("Account__r")).toEqual(["account"]);
    expect(splitWords("acme__Region__c")).toEqual(["region"]);
  });

  it("folds accents and ß in any language", () => {
    expect(foldAccents("Straße Ville Città Änderung")).toBe("strasse ville citta anderung");
    expect(textTokens("Date de création")).toEqual(["date", "creation"]);
  });

  it("expands abbreviations and drops stopwords", () => {
    expect(words("acct_mgr_id")).toEqual(["account", "manager", "id"]);
    expect(words("emp_cnt")).toEqual(["employee", "count"]);
    expect(words("close_dt")).toEqual(["close", "date"]);
    expect(words("fname")).toEqual(["first", "name"]);
  });

  it("weights parent path segments below the field's own segment", () => {
    expect(nameTokens("billing.address.city", vocabulary)).toEqual([
      { word: "billing", weight: 0.55 },
      { word: "address", weight: 0.55 },
      { word: "city", weight: 1 },
    ]);
    expect(words("_id")).toEqual(["id"]);
    // a carrier segment (`.value`, `.id`) leaves the meaning to its parent, which then counts in full
    expect(nameTokens("email.0.value", vocabulary)).toEqual([
      { word: "email", weight: 1 },
      { word: "value", weight: 1 },
    ]);
    expect(words("items[0].price")).toEqual(["item", "price"]);
  });

  it("splits run-together words into known words, and leaves unknown or short ones alone", () => {
    expect(splitCompound("numberofemployees", vocabulary)).toEqual(["number", "of", "employees"]);
    expect(splitCompound("parentcustomerid", vocabulary)).toEqual(["parent", "customer", "id"]);
    expect(words("createdon")).toEqual(["created"]);
    expect(splitCompound("domain", vocabulary)).toEqual(["domain"]);
    expect(splitCompound("qwertyuiop", vocabulary)).toEqual(["qwertyuiop"]);
  });
});
