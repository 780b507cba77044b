/**
 * Quarantine: records that could not become canonical events, kept whole with the reason, the per-field errors and
 * the mapping version until they are replayed. An entry's id is deterministic per source record and content, not per
 * run: the same bad record read again (a re-uploaded file, a re-sync) updates its one open entry instead of piling
 * up copies that would all replay into the same event.
 */
import { desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { EntityName } from "../../canonical/names";
import { stableJson } from "../../canonical/stable-json";
import { sha256Hex } from "../../platform/crypto";
import { type TenantScope, schema } from "../../platform/db";
import type { QuarantineRow } from "../../platform/db/schema";
import type { MappingFieldError } from "../mapping/result";
import type { RawBatch } from "./messages";
import { olderThan, type PagePosition } from "./page-cursor";

const { quarantine } = schema;

/** Why one record (or unparseable row) failed, before it is stored. */
export interface QuarantineEntry {
  recordId: string | null;
  line: number | null;
  /** the connector's RawRecord (data, cursor and line: enough to replay it), or an unparseable row's text */
  raw: unknown;
  reason: string;
  errors: MappingFieldError[];
  mappingVersion: string | null;
  entity: EntityName | null;
}

export type QuarantineOrigin = Pick<RawBatch, "run_id" | "connection_id" | "system" | "object">;

/**
 * A record is known by its id and its data (its cursor differs between reads); a row that could not even be parsed
 * has no id, so by its line and text.
 */
export async function quarantineId(origin: QuarantineOrigin, entry: QuarantineEntry): Promise<string> {
  const raw = entry.raw;
  const content = typeof raw === "object" && raw !== null && "data" in raw ? raw.data : raw;
  const position = entry.recordId === null ? entry.line : null;
  const key = JSON.stringify([origin.connection_id, origin.object, entry.recordId, position, await sha256Hex(stableJson(content))]);
  return `qua_${(await sha256Hex(key)).slice(0, 32)}`;
}

/**
 * The inserts for a batch's entries (built, not run: they commit with the batch's events). An entry seen before
 * takes this read's run, reason and mapping version; one replayed earlier is open again (the mapping in effect
 * fails it now); one a user discarded stays discarded.
 */
export async function quarantineInserts(scope: TenantScope, origin: QuarantineOrigin, entries: QuarantineEntry[]) {
  const ids = await Promise.all(entries.map((entry) => quarantineId(origin, entry)));
  return entries.map((entry, i) =>
    scope.db
      .insert(quarantine)
      .values({
        id: ids[i]!,
        tenantId: scope.tenantId,
        connectionId: origin.connection_id,
        runId: origin.run_id,
        system: origin.system,
        object: origin.object,
        entity: entry.entity,
        recordId: entry.recordId,
        line: entry.line,
        raw: entry.raw,
        reason: entry.reason,
        errors: entry.errors,
        mappingVersion: entry.mappingVersion,
      })
      .onConflictDoUpdate({
        target: quarantine.id,
        set: {
          runId: sql`excluded.run_id`,
          entity: sql`excluded.entity`,
          line: sql`excluded.line`,
          raw: sql`excluded.raw`,
          reason: sql`excluded.reason`,
          errors: sql`excluded.errors`,
          mappingVersion: sql`excluded.mapping_version`,
          status: sql`case when ${quarantine.status} = 'discarded' then 'discarded' else 'open' end`,
          replayedEventId: sql`case when ${quarantine.status} = 'discarded' then ${quarantine.replayedEventId} else null end`,
          resolvedAt: sql`case when ${quarantine.status} = 'discarded' then ${quarantine.resolvedAt} else null end`,
        },
        // Ids include the connection, so a clash is always the tenant's own row; the scope says so anyway.
        setWhere: eq(quarantine.tenantId, scope.tenantId),
      }),
  );
}

export const QuarantineStatusSchema = z.enum(["open", "replayed", "discarded"]).openapi("QuarantineStatus");

export interface QuarantineFilter {
  status?: z.infer<typeof QuarantineStatusSchema>;
  connection_id?: string;
  object?: string;
  ids?: string[];
}

export function quarantineConditions(filter: QuarantineFilter): (SQL | undefined)[] {
  return [
    filter.status === undefined ? undefined : eq(quarantine.status, filter.status),
    filter.connection_id === undefined ? undefined : eq(quarantine.connectionId, filter.connection_id),
    filter.object === undefined ? undefined : eq(quarantine.object, filter.object),
    filter.ids === undefined ? undefined : inArray(quarantine.id, filter.ids),
  ];
}

/** One page of the tenant's quarantine, newest first. */
export async function listQuarantine(
  scope: TenantScope,
  filter: QuarantineFilter,
  page: { limit: number; before?: PagePosition },
): Promise<QuarantineRow[]> {
  return scope.db
    .select()
    .from(quarantine)
    .where(scope.where(quarantine, ...quarantineConditions(filter), olderThan(quarantine, page.before)))
    .orderBy(desc(quarantine.createdAt), desc(quarantine.id))
    .limit(page.limit);
}
