/**
 * Drift events (drift_events): what the schema observer found, and what became of it. An event's id is derived
 * from its connection, object and changes, so a redelivered batch that finds the same drift records it once.
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { EntityName } from "../../canonical/names";
import { stableJson } from "../../canonical/stable-json";
import { sha256Hex } from "../../platform/crypto";
import { type TenantScope, schema } from "../../platform/db";
import type { DriftEventRow } from "../../platform/db/schema";
import type { RawBatch } from "../pipeline/messages";
import { olderThan, type PagePosition } from "../pipeline/page-cursor";
import { type DriftChange, DriftChangeSchema } from "./schemas";

const { driftEvents } = schema;

export const DriftStatusSchema = z.enum(driftEvents.status.enumValues).openapi("DriftStatus");
export type DriftStatus = z.infer<typeof DriftStatusSchema>;
/** events that still speak for their drift: awaiting a repair or a decision, or dismissed for good */
const STANDING: DriftStatus[] = ["open", "repair_pending", "ignored"];
export const UNRESOLVED: ReadonlySet<DriftStatus> = new Set(["open", "repair_pending"]);
const FINAL: ReadonlySet<DriftStatus> = new Set(["repaired", "ignored"]);

export const DriftFilterSchema = z.object({
  connection_id: z.string().min(1).optional(),
  object: z.string().min(1).optional(),
  status: DriftStatusSchema.optional(),
  breaking: z
    .enum(["true", "false"])
    .transform((flag) => flag === "true")
    .optional()
    .openapi({ type: "boolean", description: "Only breaking (true) or only non-breaking (false) events" }),
});
export type DriftFilter = z.output<typeof DriftFilterSchema>;

/** Where a drift was seen: the batch's run and object, the entity and mapping version in effect. */
export type DriftOrigin = Pick<RawBatch, "connection_id" | "run_id" | "trace_id" | "system" | "object"> & {
  entity?: EntityName;
  /** the compiled mapping's version (`system/object@version#hash`), when known */
  mapping_version?: string;
};

/**
 * What makes two reports the same drift: the change without its samples and without `from_type`, which a path
 * still missing after it was reported no longer has (the shape forgot it).
 */
export function changeKey(change: DriftChange): string {
  return stableJson([change.kind, change.path, change.to, change.to_type, change.target]);
}

export async function driftEventId(connectionId: string, object: string, changes: readonly DriftChange[]): Promise<string> {
  const key = JSON.stringify([connectionId, object, changes.map(changeKey).sort()]);
  return `drf_${(await sha256Hex(key)).slice(0, 32)}`;
}

/**
 * Records the event unless the same drift already was, and returns the stored row. The same drift after a repair
 * means the repair did not hold (rolled back, or the source changed back): the event is reopened. An ignored one
 * stays ignored.
 */
export async function recordDriftEvent(
  scope: TenantScope,
  origin: DriftOrigin,
  drift: { changes: DriftChange[]; breaking: boolean },
): Promise<DriftEventRow> {
  const id = await driftEventId(origin.connection_id, origin.object, drift.changes);
  await scope.db
    .insert(driftEvents)
    .values({
      id,
      tenantId: scope.tenantId,
      connectionId: origin.connection_id,
      runId: origin.run_id,
      system: origin.system,
      object: origin.object,
      entity: origin.entity ?? null,
      mappingVersion: origin.mapping_version ?? null,
      changes: drift.changes,
      breaking: drift.breaking,
    })
    .onConflictDoUpdate({
      target: driftEvents.id,
      set: { status: "open", repairId: null, resolvedAt: null, runId: origin.run_id, detectedAt: new Date().toISOString() },
      setWhere: and(eq(driftEvents.tenantId, scope.tenantId), eq(driftEvents.status, "repaired")),
    })
    .run();
  const row = await getDriftEvent(scope, id);
  // Ids include the connection, which belongs to one tenant: a clash with another tenant's row cannot happen.
  if (row === undefined) throw new Error(`drift event ${id} was not stored`);
  return row;
}

export async function getDriftEvent(scope: TenantScope, id: string): Promise<DriftEventRow | undefined> {
  const [row] = await scope.select(driftEvents, eq(driftEvents.id, id));
  return row;
}

/** One page of the tenant's drift events, newest first. */
export async function listDriftEvents(scope: TenantScope, filter: DriftFilter, page: { limit: number; before?: PagePosition }): Promise<DriftEventRow[]> {
  return scope.db
    .select()
    .from(driftEvents)
    .where(scope.where(driftEvents, ...conditions(filter), olderThan({ createdAt: driftEvents.detectedAt, id: driftEvents.id }, page.before)))
    .orderBy(desc(driftEvents.detectedAt), desc(driftEvents.id))
    .limit(page.limit);
}

function conditions(filter: DriftFilter): (SQL | undefined)[] {
  return [
    filter.connection_id === undefined ? undefined : eq(driftEvents.connectionId, filter.connection_id),
    filter.object === undefined ? undefined : eq(driftEvents.object, filter.object),
    filter.status === undefined ? undefined : eq(driftEvents.status, filter.status),
    filter.breaking === undefined ? undefined : eq(driftEvents.breaking, filter.breaking),
  ];
}

/** The object's standing events (not repaired), newest first. */
export async function standingDriftEvents(scope: TenantScope, connectionId: string, object: string): Promise<DriftEventRow[]> {
  return scope.db
    .select()
    .from(driftEvents)
    .where(
      scope.where(driftEvents, eq(driftEvents.connectionId, connectionId), eq(driftEvents.object, object), inArray(driftEvents.status, STANDING)),
    )
    .orderBy(desc(driftEvents.detectedAt), desc(driftEvents.id));
}

export function changesOf(row: DriftEventRow): DriftChange[] {
  return z.array(DriftChangeSchema).parse(row.changes);
}

/**
 * Moves an event on: `repair_pending` with the repair proposed for it, `repaired` or `ignored` (resolved now), or
 * back to `open`. Returns the updated row, undefined when the tenant has no such event.
 */
export async function setDriftStatus(
  scope: TenantScope,
  id: string,
  status: DriftStatus,
  repairId?: string,
): Promise<DriftEventRow | undefined> {
  const changed = await scope.update(
    driftEvents,
    {
      status,
      ...(repairId === undefined ? {} : { repairId }),
      resolvedAt: FINAL.has(status) ? new Date().toISOString() : null,
    },
    eq(driftEvents.id, id),
  );
  return changed === 0 ? undefined : getDriftEvent(scope, id);
}

/** The event's changes as a repair explained them (a removed and an added path that were one field renamed). */
export async function explainDriftChanges(scope: TenantScope, id: string, changes: DriftChange[]): Promise<void> {
  await scope.update(driftEvents, { changes }, eq(driftEvents.id, id));
}
