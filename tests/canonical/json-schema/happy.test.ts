import { describe, expect, it } from "vitest";
import { entityFields } from "../../../workers/canonical/entities";
import { canonicalJsonSchemas } from "../../../workers/canonical/json-schema";

type ObjectSchema = { type: string; properties: Record<string, { anyOf?: unknown[]; type?: unknown; format?: string }>; required: string[]; additionalProperties: boolean };

describe("JSON Schema export", () => {
  it.each(["account", "opportunity", "contact"] as const)("%s has every field, all required, nothing else", (entity) => {
    const schema = canonicalJsonSchemas()[entity] as unknown as ObjectSchema;
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual(entityFields(entity));
    expect([...schema.required].sort()).toEqual([...entityFields(entity)].sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it("carries the conventions (formats, enums, bounds)", () => {
    const opportunity = canonicalJsonSchemas().opportunity as unknown as ObjectSchema;
    const text = JSON.stringify(opportunity.properties);
    expect(JSON.stringify(opportunity.properties.status)).toContain('"enum":["open","won","lost"]');
    expect(JSON.stringify(opportunity.properties.probability)).toContain('"maximum":100');
    expect(JSON.stringify(opportunity.properties.close_date)).toContain('"format":"date"');
    expect(JSON.stringify(opportunity.properties.created_at)).toContain('"format":"date-time"');
    expect(text).toContain("^[A-Z]{3}$");
  });

  it("describes the event envelope as a union over the three entities", () => {
    const event = canonicalJsonSchemas().event as { oneOf?: { properties: { entity: { const: string } } }[]; anyOf?: { properties: { entity: { const: string } } }[] };
    const variants = event.oneOf ?? event.anyOf ?? [];
    expect(variants.map((v) => v.properties.entity.const).sort()).toEqual(["account", "contact", "opportunity"]);
  });

  it("is built once", () => {
    expect(canonicalJsonSchemas()).toBe(canonicalJsonSchemas());
  });
});
