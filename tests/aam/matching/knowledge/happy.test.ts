import { describe, expect, it } from "vitest";
import { entityFields } from "../../../../workers/canonical/entities";
import { entityKnowledge } from "../../../../workers/aam/matching/knowledge";

describe("knowledge of canonical targets", () => {
  it.each(["account", "opportunity", "contact", "cost"] as const)("covers every field of the %s schema but extras, with its description", (entity) => {
    const known = entityKnowledge(entity);
    expect(known.map((target) => target.target)).toEqual(entityFields(entity).filter((field) => field !== "extras"));
    expect(known.map((target) => target.target)).toContain("source_id");
    for (const target of known) {
      expect(target.description.length).toBeGreaterThan(3);
      expect(target.phrases.length).toBeGreaterThan(0);
    }
  });
});
