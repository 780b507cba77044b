import { describe, expect, it } from "vitest";
import { entityFields, entitySchemas } from "../../../../workers/canonical/entities";
import { EntityNameSchema } from "../../../../workers/canonical/names";
import { nameTokens } from "../../../../workers/dcl/linking/normalize";
import { linkKeys } from "../../../../workers/dcl/linking/link-keys";
import { TOMBSTONE_NAME, tombstoneData } from "../../../../workers/aam/pipeline/tombstone-data";

describe("tombstone data", () => {
  it.each(EntityNameSchema.options)("is valid %s data with every field present and the id as source_id", (entity) => {
    const data = tombstoneData(entity, "rec-1");
    expect(entitySchemas[entity].safeParse(data).success).toBe(true);
    expect(Object.keys(data).sort()).toEqual([...entityFields(entity)].sort());
    // costs carry no owner or record times (FOCUS has none); every other entity's are null on a tombstone
    const common = entity === "cost" ? {} : { owner: null, created_at: null, updated_at: null };
    expect(data).toMatchObject({ source_id: "rec-1", extras: {}, ...common });
  });

  it("names nothing entity linking could block or match on: tombstones never unify by name", () => {
    expect(nameTokens(TOMBSTONE_NAME)).toEqual([]);
    const record = { object: "companies", recordId: "7", data: tombstoneData("account", "7") };
    expect(linkKeys(record as never)).toEqual(["id:companies:7"]);
  });
});
