import { describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { entityFields } from "../../../../../workers/canonical/entities";
import { CANONICAL_SCHEMA_VERSION } from "../../../../../workers/canonical/event";
import { EntityNameSchema } from "../../../../../workers/canonical/names";
import { CanonicalModelSchema } from "../../../../../workers/gateway/routes/aam/canonical/get";
import { signUp } from "../../../../helpers/auth";
import { descriptionOf, type PropertySchema } from "../../../../helpers/json-schema";
import { getJson } from "../../../../helpers/mappings";

const { accessToken } = await signUp();

/** The parts of a JSON Schema object these tests read. */
const ObjectSchema = z.object({
  $schema: z.literal("https://json-schema.org/draft/2020-12/schema"),
  type: z.literal("object"),
  properties: z.record(z.string(), z.record(z.string(), z.unknown())),
  required: z.array(z.string()),
});

describe("canonical schema routes", () => {
  it("serve the event envelope and every entity as JSON Schema (draft 2020-12)", async () => {
    const res = await getJson(accessToken, "/api/v1/aam/canonical");
    expect(res.status).toBe(200);
    const model = CanonicalModelSchema.parse(await res.json());
    expect(model.version).toBe(CANONICAL_SCHEMA_VERSION);
    expect(Object.keys(model.entities).sort()).toEqual([...EntityNameSchema.options].sort());
    for (const entity of EntityNameSchema.options) {
      const schema = ObjectSchema.parse(model.entities[entity]);
      expect(Object.keys(schema.properties).sort()).toEqual([...entityFields(entity)].sort());
      expect(schema.required).toContain("source_id");
    }
    // the event is a union over entities, each variant carrying meta, source, entity and data
    expect(JSON.stringify(model.event)).toContain('"mapping_version"');
  });

  it("serve one entity's schema, the same as in the whole model", async () => {
    const model = CanonicalModelSchema.parse(await (await getJson(accessToken, "/api/v1/aam/canonical")).json());
    for (const entity of EntityNameSchema.options) {
      const res = await getJson(accessToken, `/api/v1/aam/canonical/${entity}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(model.entities[entity]);
    }
    const opportunity = ObjectSchema.parse(model.entities.opportunity);
    expect(opportunity.required).toContain("status");
    expect(opportunity.properties.status).toMatchObject({ enum: expect.arrayContaining(["open", "won", "lost"]) });
  });

  it("describe every field of every entity", async () => {
    for (const entity of EntityNameSchema.options) {
      const res = await getJson(accessToken, `/api/v1/aam/canonical/${entity}`);
      expect(res.status).toBe(200);
      const { properties } = ObjectSchema.parse(await res.json());
      for (const [field, property] of Object.entries(properties)) expect(descriptionOf(property as PropertySchema), `${entity}.${field}`).toMatch(/\S/);
    }
  });
});
