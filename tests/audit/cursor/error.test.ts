import { describe, expect, it } from "vitest";
import { decodeCursor } from "../../../workers/audit/cursor";

const b64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

describe("audit cursor: strings that are not cursors", () => {
  it.each([
    ["empty", ""],
    ["not base64", "%%%"],
    ["a bare number", "42"],
    ["another prefix", b64url("other:42")],
    ["seq zero", b64url("audit:0")],
    ["a negative seq", b64url("audit:-3")],
    ["a fractional seq", b64url("audit:1.5")],
    ["a leading zero", b64url("audit:07")],
    ["trailing text", b64url("audit:7 OR 1=1")],
    ["beyond safe integers", b64url("audit:9007199254740993")],
  ])("rejects %s", (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
