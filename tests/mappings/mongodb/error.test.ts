import { describe, expect, it } from "vitest";
import { systemMappings } from "../../../workers/aam/mapping/registry";

const opportunity = { _id: "o1", name: "Deal", updatedAt: "2026-03-01T00:00:00.000Z" };

describe("bundled MongoDB mappings on documents they cannot map", () => {
  it("quarantines an opportunity whose stage the map does not know, rather than guessing its status", async () => {
    const mapping = (await systemMappings()).get("mongodb", "opportunities");
    const result = mapping?.map({ ...opportunity, stage: "on_hold" }, "o1");
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: "status" })] });
  });

  it("quarantines an amount that is no number (an Extended JSON value the connector could not make plain)", async () => {
    const mapping = (await systemMappings()).get("mongodb", "opportunities");
    const result = mapping?.map({ ...opportunity, stage: "proposal", amount: { $binary: { base64: "AA==", subType: "00" } } }, "o1");
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: "amount" })] });
  });

  it("refuses a contact with neither a name nor an e-mail", async () => {
    const mapping = (await systemMappings()).get("mongodb", "contacts");
    expect(mapping?.map({ _id: "c1", emails: [], updatedAt: "2026-03-01T00:00:00.000Z" }, "c1")).toMatchObject({ ok: false });
  });
});
