import { describe, expect, it } from "vitest";
import { loadMapping } from "../../../../workers/aam/mapping/load";

describe("loading a mapping document", () => {
  it("normalizes shorthands and applies defaults", () => {
    const { document } = loadMapping({
      file: "ok.yaml",
      text: `system: filesource
object: accounts
entity: account
version: 2
fields:
  name: Company Name
  annual_revenue: { from: Revenue, transforms: [{ number: { locale: de-DE } }, round] }
`,
    });
    expect(document).toMatchObject({ system: "filesource", object: "accounts", entity: "account", version: 2, extras: "rest", ignore: [] });
    expect(document.fields.name).toMatchObject({ from: { text: "Company Name", path: [{ key: "Company Name" }] }, transforms: [] });
    expect(document.fields.annual_revenue!.transforms).toEqual([
      { name: "number", options: { locale: "de-DE" } },
      { name: "round", options: { digits: 0 } },
    ]);
    expect(document.record_id).toBeUndefined();
  });
});
