import { describe, expect, it } from "vitest";
import type { MemoryEntry } from "../../../../workers/aam/matching/ports";
import { offlineMatcher, targets } from "./helpers";

const entry = (field_name: string, target: string | null, verdict: MemoryEntry["verdict"], system = "legacy_erp"): MemoryEntry => ({
  system,
  entity: "account",
  field_name,
  field_label: null,
  target,
  verdict,
});

const request = {
  entity: "account" as const,
  system: "legacy_erp",
  fields: [
    { name: "kd_xq7", samples: ["Acme Holding"] },
    { name: "Phone", samples: ["+1 415 555 0100"] },
    { name: "Telefon2", samples: ["+1 415 555 0101"] },
  ],
};

describe("the tenant's retrieval memory", () => {
  it("maps an opaque field the tenant accepted before, and not without that memory", async () => {
    expect(targets(await offlineMatcher()(request)).kd_xq7).toBeNull();
    const remembered = await offlineMatcher({ memory: [entry("kd_xq7", "name", "accepted")] })(request);
    expect(targets(remembered).kd_xq7).toBe("name");
  });

  it("maps a Salesforce-style custom field to the target accepted for the same name", async () => {
    const custom = { entity: "account" as const, system: "salesforce", fields: [{ name: "Name" }, { name: "Zq_Code_7__c" }] };
    expect(targets(await offlineMatcher()(custom)).Zq_Code_7__c).toBeNull();
    const remembered = await offlineMatcher({ memory: [entry("Zq_Code_7__c", "industry", "accepted", "salesforce")] })(custom);
    expect(targets(remembered)).toEqual({ Name: "name", Zq_Code_7__c: "industry" });
  });

  it("moves a target away from a field where the tenant rejected it, to the next best field", async () => {
    const before = targets(await offlineMatcher()(request));
    expect(before.Phone).toBe("phone");
    const after = targets(await offlineMatcher({ memory: [entry("Phone", "phone", "rejected")] })(request));
    expect(after.Phone).toBeNull();
    expect(after.Telefon2).toBe("phone");
  });

  it("keeps a field in extras when the tenant accepted extras for it", async () => {
    const { matches } = await offlineMatcher({ memory: [entry("Phone", null, "accepted")] })(request);
    expect(matches.find((match) => match.field === "Phone")?.target).toBeNull();
  });

  it("counts a decision from another system, and ignores one about another entity", async () => {
    const otherSystem = await offlineMatcher({ memory: [entry("kd_xq7", "name", "accepted", "other_crm")] })(request);
    expect(targets(otherSystem).kd_xq7).toBe("name");
    const otherEntity = await offlineMatcher({ memory: [{ ...entry("kd_xq7", "name", "accepted"), entity: "contact" }] })(request);
    expect(targets(otherEntity).kd_xq7).toBeNull();
  });
});
