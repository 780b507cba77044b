import { describe, expect, it } from "vitest";
import { parsePath } from "../../../../workers/aam/mapping/path";

const bad: [path: string, message: string][] = [
  ["", "empty path"],
  ["a..b", "empty key at column 3"],
  ["a.", 'path ends with "."'],
  ["a[0", 'unclosed "[" at column 2'],
  ["a[x]", '"[x]" must be an index, [*] or a quoted key'],
  ["a[0]b", 'expected "." or "[" at column 5'],
  ["a[-1]", '"[-1]" must be an index'],
];

describe("bad source paths", () => {
  it.each(bad)("%j", (path, message) => {
    expect(() => parsePath(path)).toThrow(message);
  });
});
