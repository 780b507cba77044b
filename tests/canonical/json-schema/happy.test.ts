import { describe, expect, it } from "vitest";
import { entityFields } from "../../../workers/canonical/entities";
import { canonicalJsonSchemas } from "../../../workers/canonical/json-schema";
import { EntityNameSchema } from "../../../workers/canonical/names";

type ObjectSchema = { type: string; properties: Record<string, { anyOf?: unknown[]; type?: unknown; format?: string }>; required: string[]; additionalProperties: boolean };

describe("JSON Schema export", () => {
  it.each(EntityNameSchema.options)("%s has every field, all required, nothing else", (entity) => {
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

  it("describes a cost's FOCUS conventions: categories, UTC periods, tags as text", () => {
    const cost = canonicalJsonSchemas().cost as unknown as ObjectSchema;
    expect(JSON.stringify(cost.properties.charge_category)).toContain('"enum":["Usage","Purchase","Tax","Credit","Adjustment"]');
    expect(JSON.stringify(cost.properties.charge_period_start)).toContain('"format":"date-time"');
    expect(JSON.stringify(cost.properties.billed_cost)).toContain('"type":"number"');
    expect(JSON.stringify(cost.properties.tags)).toContain('"additionalProperties":{"type":"string"}');
  });

  it("describes the event envelope as a union over every entity", () => {
    const event = canonicalJsonSchemas().event as { oneOf?: { properties: { entity: { const: string } } }[]; anyOf?: { properties: { entity: { const: string } } }[] };
    const variants = event.oneOf ?? event.anyOf ?? [];
    expect(variants.map((v) => v.properties.entity.const).sort()).toEqual([...EntityNameSchema.options].sort());
  });

  it("is built once", () => {
    expect(canonicalJsonSchemas()).toBe(canonicalJsonSchemas());
  });
});
