/**
 * mapping_repairs rows, always through the tenant's scope: create, list (newest first, a page at a time), get, and
 * a status transition that only happens from the status the caller saw, so two deciders cannot both win.
 */
import { desc, eq } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, schema } from "../../platform/db";
import type { MappingRepairRow } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { olderThan, type PagePosition } from "../pipeline/page-cursor";
import { lowestConfidence, type RepairChange, RepairChangeSchema } from "./changes";

const { mappingRepairs } = schema;

export const RepairStatusSchema = z.enum(mappingRepairs.status.enumValues).openapi("RepairStatus");
export const RepairKindSchema = z.enum(mappingRepairs.kind.enumValues).openapi("RepairKind");
export type RepairStatus = z.infer<typeof RepairStatusSchema>;

type RepairInsert = typeof mappingRepairs.$inferInsert;

export type NewRepair = Pick<RepairInsert, "kind" | "system" | "object" | "entity" | "baseVersion"> &
  Partial<Pick<RepairInsert, "connectionId" | "driftEventId">> & { changes: RepairChange[] };

export interface RepairFilter {
  status?: RepairStatus | undefined;
  kind?: z.infer<typeof RepairKindSchema> | undefined;
  connection_id?: string | undefined;
}

export async function createRepair(scope: TenantScope, repair: NewRepair): Promise<MappingRepairRow> {
  const id = newId("rep");
  await scope.insert(mappingRepairs, { ...repair, id, status: "pending", confidence: lowestConfidence(repair.changes) });
  const row = await getRepair(scope, id);
  if (row === undefined) throw new Error(`repair ${id} vanished after its insert`);
  return row;
}

export async function getRepair(scope: TenantScope, id: string): Promise<MappingRepairRow | undefined> {
  const [row] = await scope.select(mappingRepairs, eq(mappingRepairs.id, id));
  return row;
}

export function listRepairs(scope: TenantScope, filter: RepairFilter, page: { limit: number; before?: PagePosition | undefined }): Promise<MappingRepairRow[]> {
  return scope.db
    .select()
    .from(mappingRepairs)
    .where(
      scope.where(
        mappingRepairs,
        filter.status === undefined ? undefined : eq(mappingRepairs.status, filter.status),
        filter.kind === undefined ? undefined : eq(mappingRepairs.kind, filter.kind),
        filter.connection_id === undefined ? undefined : eq(mappingRepairs.connectionId, filter.connection_id),
        olderThan(mappingRepairs, page.before),
      ),
    )
    .orderBy(desc(mappingRepairs.createdAt), desc(mappingRepairs.id))
    .limit(page.limit);
}

/** Moves a repair on from `from`; false when it is no longer in that status (another decision came first). */
export async function transitionRepair(
  scope: TenantScope,
  id: string,
  from: RepairStatus,
  set: Partial<Pick<RepairInsert, "status" | "confidence" | "appliedVersion" | "rolledBackVersion" | "decidedBy" | "decidedAt">> & { changes?: RepairChange[] },
): Promise<boolean> {
  return (await scope.update(mappingRepairs, set, eq(mappingRepairs.id, id), eq(mappingRepairs.status, from))) === 1;
}

/** The row's changes, as the repair schema reads them. */
export const repairChanges = (row: MappingRepairRow): RepairChange[] => z.array(RepairChangeSchema).parse(row.changes);

/** The tenant's repair, or 404 (another tenant's repair is not found either). */
export async function requireRepair(scope: TenantScope, id: string): Promise<MappingRepairRow> {
  const row = await getRepair(scope, id);
  if (row === undefined) throw new ProblemError("not-found", `No repair ${id}`);
  return row;
}
