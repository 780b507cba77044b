import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../../workers/aam/matching/calibrate";
import { remember } from "../../../../../workers/aam/matching/memory-store";
import { database, forTenant } from "../../../../../workers/platform/db";
import { signUp } from "../../../../helpers/auth";
import { match, putThreshold, salesforceAccount } from "./helpers";

const alice = await signUp();

describe("POST /api/v1/aam/match", () => {
  it("answers one match per field, in order, with each field as sent", async () => {
    const { matches } = await match(alice.accessToken, salesforceAccount);
    expect(matches.map((m) => m.field)).toEqual(salesforceAccount.fields.map((f) => f.name));
    expect(Object.fromEntries(matches.map((m) => [m.field, m.target]))).toMatchObject({ Name: "name", AnnualRevenue: "annual_revenue", Phone: "phone", Website: "website" });
    for (const m of matches) {
      expect(m.auto_apply).toBe(m.confidence >= DEFAULT_AUTO_APPLY_THRESHOLD);
      expect(m.alternatives.length).toBeLessThanOrEqual(5);
      expect(m.alternatives.map((a) => a.target)).not.toContain(m.target);
    }
    const targets = matches.flatMap((m) => (m.target === null ? [] : [m.target]));
    expect(new Set(targets).size).toBe(targets.length); // one-to-one
  });

  it("keeps names it was sent exactly, whatever their spelling", async () => {
    const names = ["billing.address.city", " E-Mail Adresse ", "Téléphone", "annual_revenue"];
    const { matches } = await match(alice.accessToken, { entity: "contact", fields: names.map((name) => ({ name })) });
    expect(matches.map((m) => m.field)).toEqual(names);
  });

  it("marks auto_apply against the tenant's own threshold", async () => {
    await putThreshold(alice.accessToken, 0.5);
    const lenient = (await match(alice.accessToken, salesforceAccount)).matches;
    expect(lenient.find((m) => m.field === "Name")!.auto_apply).toBe(true);
    for (const m of lenient) expect(m.auto_apply).toBe(m.confidence >= 0.5);
    await putThreshold(alice.accessToken, 1);
    const strict = (await match(alice.accessToken, salesforceAccount)).matches;
    for (const m of strict) expect(m.auto_apply).toBe(m.confidence >= 1);
    await putThreshold(alice.accessToken, null);
  });

  it("follows the tenant's accepted decisions", async () => {
    const field = { name: "Kundensegment", label: null };
    const before = (await match(alice.accessToken, { entity: "account", system: "salesforce", fields: [field] })).matches[0]!;
    expect(before.target).not.toBe("industry");
    await remember(forTenant(database(env.DB), alice.tenantId), [
      { system: "salesforce", entity: "account", field_name: field.name, field_label: null, target: "industry", verdict: "accepted", repair_id: null },
    ]);
    const after = (await match(alice.accessToken, { entity: "account", system: "salesforce", fields: [field] })).matches[0]!;
    expect(after.target).toBe("industry");
  });
});
