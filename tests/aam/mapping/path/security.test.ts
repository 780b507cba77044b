import { describe, expect, it } from "vitest";
import { parsePath, pathReader } from "../../../../workers/aam/mapping/path";

describe("path security", () => {
  it.each(["__proto__", "a.constructor", 'a["prototype"]', "x[0].__proto__"])("refuses %s", (path) => {
    expect(() => parsePath(path)).toThrow("is not allowed in a path");
  });

  it("never reads inherited properties", () => {
    const read = pathReader(parsePath("toString"));
    expect(read({})).toBeNull();
    expect(pathReader(parsePath("a.hasOwnProperty"))({ a: {} })).toBeNull();
  });
});
