import { describe, expect, it } from "vitest";
import { decodePageCursor } from "../../../../workers/aam/connections/page-cursor";
import { toBase64Url } from "../../../../workers/platform/base64";

describe("connection list page cursors: what is not one", () => {
  it.each([
    ["garbage", "not a cursor!"],
    ["another list's cursor", btoa("audit:12")],
    ["our prefix with no name", btoa("con:")],
    ["invalid UTF-8", toBase64Url(new Uint8Array([0x63, 0x6f, 0x6e, 0x3a, 0xff, 0xfe]))],
    ["the empty string", ""],
  ])("rejects %s", (_, cursor) => {
    expect(decodePageCursor(cursor)).toBeUndefined();
  });
});
