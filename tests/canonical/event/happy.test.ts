import { describe, expect, it } from "vitest";
import { CanonicalEventSchema } from "../../../workers/canonical/event";
import { account, contact, event } from "../examples";

describe("canonical event envelope", () => {
  it("accepts a valid event for each entity, data typed by entity", () => {
    expect(CanonicalEventSchema.parse(event)).toEqual(event);
    expect(CanonicalEventSchema.parse({ ...event, entity: "account", data: account }).entity).toBe("account");
    expect(CanonicalEventSchema.parse({ ...event, entity: "contact", data: contact }).entity).toBe("contact");
  });

  it("narrows data by entity", () => {
    const parsed = CanonicalEventSchema.parse(event);
    // Compiles only because the union narrows: status exists on opportunities alone.
    expect(parsed.entity === "opportunity" ? parsed.data.status : undefined).toBe("open");
  });

  it("accepts deletes and every source system", () => {
    for (const system of ["salesforce", "supabase", "mongodb", "filesource"] as const) {
      expect(CanonicalEventSchema.safeParse({ ...event, meta: { ...event.meta, op: "delete" }, source: { ...event.source, system } }).success).toBe(true);
    }
  });
});
