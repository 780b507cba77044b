/**
 * Quarantine replay: open quarantine rows of a tenant go through the CURRENT mappings (a newer version or a tenant
 * override may fix them). A record that now maps is appended to the stream (deduplicated like any other) and its
 * row marked `replayed` with the event's id; one that still fails stays open with the new reason and mapping
 * version. Each replay is a run of kind "replay" with its counts, and commits in one transaction with its events.
 */
import { eq } from "drizzle-orm";
import type { Env } from "../../env";
import type { CanonicalEvent } from "../../canonical/event";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, schema } from "../../platform/db";
import type { QuarantineRow } from "../../platform/db/schema";
import { RawRecordSchema } from "../connectors/connector";
import type { MappingRegistry } from "../mapping/registry";
import { normalizeRecord, type RecordOutcome } from "./normalize";
import { pickMapping } from "./pick-mapping";
import { handOnAndCount } from "./normalize-consumer";
import type { StoreEnv } from "../../dcl/store/for-env";
import { type QuarantineFilter, quarantineConditions } from "./quarantine";
import { createRun, recordPageRead, recordReadingDone } from "./runs";
import { appendToStore } from "./append-to-store";

const { quarantine } = schema;

/** Rows per replay call: one D1 transaction carries them all. Call again for the rest. */
export const REPLAY_LIMIT = 200;

export type ReplaySelection = Pick<QuarantineFilter, "ids" | "connection_id" | "object">;

export interface ReplayResult {
  run_id: string;
  replayed: number;
  still_failing: number;
}

async function replayRow(registry: MappingRegistry, row: QuarantineRow, traceId: string, emittedAt: string): Promise<RecordOutcome | undefined> {
  const record = RawRecordSchema.safeParse(row.raw);
  // An unparseable row (its raw text) has no record to map: only a fixed source can bring it back.
  if (!record.success) return undefined;
  const origin = { tenant_id: row.tenantId, connection_id: row.connectionId, trace_id: traceId, system: row.system, object: row.object, entity: row.entity ?? undefined };
  return normalizeRecord(pickMapping(registry, origin), origin, record.data, emittedAt);
}

/** The row's new state: replayed with its event, or still open with the current mapping's reason. */
function rowUpdate(scope: TenantScope, row: QuarantineRow, outcome: RecordOutcome) {
  const set = outcome.ok
    ? { status: "replayed" as const, replayedEventId: outcome.event.meta.event_id, resolvedAt: outcome.event.meta.emitted_at }
    : { reason: outcome.entry.reason, errors: outcome.entry.errors, mappingVersion: outcome.entry.mappingVersion };
  return scope.db
    .update(quarantine)
    .set(set)
    .where(scope.where(quarantine, eq(quarantine.id, row.id), eq(quarantine.status, "open")));
}

export async function replayQuarantine(
  env: StoreEnv & Pick<Env, "CANONICAL_QUEUE">,
  scope: TenantScope,
  registry: MappingRegistry,
  selection: ReplaySelection,
  traceId: string,
  now = new Date(),
): Promise<ReplayResult> {
  const rows = await scope.db
    .select()
    .from(quarantine)
    .where(scope.where(quarantine, ...quarantineConditions({ ...selection, status: "open" })))
    .orderBy(quarantine.createdAt, quarantine.line, quarantine.id) // source order, so the stream keeps it
    .limit(REPLAY_LIMIT);
  if (rows.length === 0) throw new ProblemError("not-found", "No open quarantined records match the selection");
  const connections = new Set(rows.map((row) => row.connectionId));
  if (connections.size > 1) {
    throw new ProblemError("validation-error", `The selected records come from ${connections.size} connections; replay one connection at a time`);
  }
  const objects = new Set(rows.map((row) => row.object));
  const runId = await createRun(scope, {
    connectionId: rows[0]!.connectionId,
    kind: "replay",
    object: objects.size === 1 ? rows[0]!.object : null,
    traceId,
  });
  await recordPageRead(scope, runId, { records: rows.length }, now);

  const at = now.toISOString();
  const outcomes = await Promise.all(rows.map((row) => replayRow(registry, row, traceId, at)));
  const events: CanonicalEvent[] = outcomes.flatMap((o) => (o?.ok === true ? [o.event] : []));
  const stillFailing = rows.length - events.length;
  const batchId = "replay"; // a replay run has exactly one batch
  const appended = await appendToStore(env, scope, {
    runId,
    batchId,
    events,
    quarantined: stillFailing,
    alongside: rows.flatMap((row, i) => {
      const outcome = outcomes[i];
      return outcome === undefined ? [] : [rowUpdate(scope, row, outcome)];
    }),
  });
  await recordReadingDone(scope, runId, now);
  await handOnAndCount(env, scope, { runId, batchId, traceId }, appended);
  return { run_id: runId, replayed: events.length, still_failing: stillFailing };
}
