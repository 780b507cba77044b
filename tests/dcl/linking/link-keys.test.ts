/** Blocking keys: few per record, and none for the words thousands of company names share. */
import { describe, expect, it } from "vitest";
import { linkKeys } from "../../../workers/dcl/linking/link-keys";

const account = (recordId: string, data: Record<string, unknown>) => ({ recordKey: `k/${recordId}`, object: "accounts", recordId, data });

describe("link keys", () => {
  it("index a record by itself, its domain and the one word that names it", () => {
    expect(linkKeys(account("K-1", { name: "Müller Maschinenbau GmbH", website: "https://www.Mueller-Maschinenbau.example/de" }))).toEqual([
      "domain:mueller-maschinenbau.example",
      "id:accounts:K-1",
      "name:mueller",
    ]);
  });

  it("skip generic words and short fragments, so a generated 'Firma R0 12 GmbH' is blocked by its number only", () => {
    expect(linkKeys(account("F-12", { name: "Firma R0 12 GmbH", website: null }))).toEqual(["id:accounts:F-12", "name:12"]);
    expect(linkKeys(account("G-1", { name: "Global Services Group", website: null }))).toEqual(["id:accounts:G-1"]);
  });

  it("block a name with its numbers, which a name match needs equal: 'Generated 7' never meets the other 'Generated N'", () => {
    expect(linkKeys(account("A-7", { name: "Generated 7", website: null }))).toEqual(["id:accounts:A-7", "name:generated#7"]);
    expect(linkKeys(account("A-8", { name: "Route 66 Diner 2", website: null }))).toEqual(["id:accounts:A-8", "name:route#66 2"]);
  });
});
