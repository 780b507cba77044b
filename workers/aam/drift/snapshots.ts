/** The stored shape of a source object (source_schemas), one row per connection and object, through the tenant scope. */
import { eq } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { type TenantScope, schema } from "../../platform/db";
import type { ObservedShape } from "./observe";
import { ObservedFieldSchema } from "./schemas";

const { sourceSchemas } = schema;
const FieldsSchema = z.array(ObservedFieldSchema);

export interface ShapeKey {
  connectionId: string;
  object: string;
}

export async function loadShape(scope: TenantScope, key: ShapeKey): Promise<ObservedShape | undefined> {
  const [row] = await scope.select(sourceSchemas, eq(sourceSchemas.connectionId, key.connectionId), eq(sourceSchemas.object, key.object));
  return row === undefined ? undefined : { fields: FieldsSchema.parse(row.fields), records: row.observedRecords };
}

export async function saveShape(scope: TenantScope, key: ShapeKey, shape: ObservedShape): Promise<void> {
  const values = { fields: shape.fields, observedRecords: shape.records, updatedAt: new Date().toISOString() };
  await scope.db
    .insert(sourceSchemas)
    .values({ tenantId: scope.tenantId, connectionId: key.connectionId, object: key.object, ...values })
    .onConflictDoUpdate({
      target: [sourceSchemas.tenantId, sourceSchemas.connectionId, sourceSchemas.object],
      set: values,
      setWhere: eq(sourceSchemas.tenantId, scope.tenantId),
    })
    .run();
}
