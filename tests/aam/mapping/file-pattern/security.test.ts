import { describe, expect, it } from "vitest";
import { FilePatternSchema } from "../../../../workers/aam/mapping/file-pattern";

const matches = (pattern: string, name: string) => FilePatternSchema.parse(pattern).matches(name);

describe("file patterns from documents a tenant writes", () => {
  it("treat regular-expression syntax as literal characters", () => {
    expect(matches("a.c", "abc")).toBe(false);
    expect(matches("a.c", "a.c")).toBe(true);
    expect(matches("(a+)+$", "aaaa")).toBe(false);
    expect(matches("(a+)+$", "(a+)+$")).toBe(true);
    expect(matches("[ab].csv", "a.csv")).toBe(false);
    expect(matches("^x|.*", "anything")).toBe(false);
  });

  it("stay correct on names built to make a backtracking matcher explode", () => {
    const name = `${"a".repeat(5000)}b`;
    expect(matches("*a*a*a*a*a*a*a*a*a*a*c", name)).toBe(false);
    expect(matches("*a*a*a*a*a*a*a*a*a*a*b", name)).toBe(true);
  });

  it("never match a name with a '*' in it by accident: a pattern's '*' stays a wildcard", () => {
    expect(matches("*a", "*ba")).toBe(true);
    expect(matches("x*", "*x")).toBe(false);
  });
});
