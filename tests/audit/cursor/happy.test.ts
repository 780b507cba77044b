import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../../workers/audit/cursor";

describe("audit cursor: round trip", () => {
  it.each([1, 42, 1_000_000, Number.MAX_SAFE_INTEGER])("decodes what it encoded for seq %d", (seq) => {
    expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });

  it("is URL-safe and does not show the seq in clear", () => {
    const cursor = encodeCursor(123456);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("123456");
  });
});
