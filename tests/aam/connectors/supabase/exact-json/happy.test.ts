import { describe, expect, it } from "vitest";
import { parseExactJson } from "../../../../../workers/aam/connectors/supabase/exact-json";

describe("parseExactJson", () => {
  it("keeps integers past Number's exact range as their decimal text, signed or not", () => {
    expect(parseExactJson('[{"id":9007199254740993,"n":-9007199254740993,"big":123456789012345678901234567890}]')).toEqual([
      { id: "9007199254740993", n: "-9007199254740993", big: "123456789012345678901234567890" },
    ]);
  });

  it("parses every other value as JSON.parse does: safe integers, fractions and exponents with long digit runs, strings", () => {
    const text = '{"a":9007199254740991,"b":1.12345678901234567,"c":1e-12345678901234567,"d":2E+12345678901234567,"e":"9007199254740993","f":"x\\"9007199254740993","g":0,"h":false,"i":"","j":null}';
    expect(parseExactJson(text)).toEqual(JSON.parse(text));
  });

  it("is undefined for a body that is no JSON (an HTML error page)", () => {
    expect(parseExactJson("<html>Bad gateway</html>")).toBeUndefined();
    expect(parseExactJson("")).toBeUndefined();
  });
});
