import { describe, expect, it } from "vitest";
import { decodePageCursor, encodePageCursor } from "../../../../workers/aam/connections/page-cursor";

describe("connection list page cursors", () => {
  it.each([["ascii", "Finance exports"], ["unicode", "Ventes — Île-de-France 🇫🇷"], ["separators", "a:b/c?d=e"]])("round-trip %s names", (_, name) => {
    const cursor = encodePageCursor(name);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toBe(name);
  });
});
