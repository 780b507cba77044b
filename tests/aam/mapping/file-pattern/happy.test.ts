import { describe, expect, it } from "vitest";
import { FilePatternSchema } from "../../../../workers/aam/mapping/file-pattern";

const matches = (pattern: string, name: string) => FilePatternSchema.parse(pattern).matches(name);

describe("file patterns", () => {
  it.each([
    ["accounts*.csv", "accounts.csv", true],
    ["accounts*.csv", "accounts-2025-06.csv", true],
    ["accounts*.csv", "ACCOUNTS_Q3.CSV", true],
    ["accounts*.csv", "accounts.csv.bak", false],
    ["accounts*.csv", "old-accounts.csv", false],
    ["accounts*.csv", "accounts.tsv", false],
    ["deals-??.tsv", "deals-07.tsv", true],
    ["deals-??.tsv", "deals-7.tsv", false],
    ["*", "anything at all.ndjson", true],
    ["*deals*", "hubspot-deals-export.tsv", true],
    ["a*b*c", "a-b-x-c", true],
    ["a*b*c", "a-c-b", false],
    ["exact.csv", "exact.csv", true],
    ["exact.csv", "exact.csvx", false],
  ])("%s against %s → %s", (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });

  it("matches the file's name, not the folders a dropped file sits in", () => {
    expect(matches("accounts*.csv", "exports/2025/accounts-06.csv")).toBe(true);
    expect(matches("exports*", "exports/2025/accounts-06.csv")).toBe(false);
  });

  it("keeps the pattern as written for messages", () => {
    expect(FilePatternSchema.parse("Accounts*.CSV").text).toBe("Accounts*.CSV");
  });
});
