/**
 * The R2 custom metadata of an uploaded file: the entity its uploader chose, if any. Uploads write it; discover()
 * reads it back so a later sync of the file maps it the same way. Files dropped into the prefix by other means may
 * carry anything there: a value that is not an entity name is ignored (the file's name then picks the mapping).
 */
import { type EntityName, EntityNameSchema } from "../../../canonical/names";

const ENTITY_KEY = "entity";

export function uploadMetadata(entity: EntityName | undefined): Record<string, string> {
  return entity === undefined ? {} : { [ENTITY_KEY]: entity };
}

export function uploadedEntity(file: Pick<R2Object, "customMetadata">): EntityName | undefined {
  const parsed = EntityNameSchema.safeParse(file.customMetadata?.[ENTITY_KEY]);
  return parsed.success ? parsed.data : undefined;
}
