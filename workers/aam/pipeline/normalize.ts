/**
 * Raw records → CanonicalEvents: pick the compiled mapping, map, wrap in the event envelope and validate it. Every
 * record ends up as exactly one event or one quarantine entry (as does every row the connector could not parse):
 * nothing is dropped. No I/O here beyond hashing; the consumer and the replay store the outcome.
 */
import type { z } from "@hono/zod-openapi";
import { CANONICAL_SCHEMA_VERSION, type CanonicalEvent, CanonicalEventSchema } from "../../canonical/event";
import { eventId } from "../../canonical/event-id";
import type { RawRecord } from "../connectors/connector";
import type { CompiledMapping } from "../mapping/compile";
import type { MappingRegistry } from "../mapping/registry";
import type { MappingFieldError } from "../mapping/result";
import type { RawBatch } from "./messages";
import { pickMapping } from "./pick-mapping";
import type { QuarantineEntry } from "./quarantine";

/** What a record needs around it to become an event: whose it is and where it came from. */
export type RecordOrigin = Pick<RawBatch, "tenant_id" | "connection_id" | "trace_id" | "system" | "object" | "entity">;

export type RecordOutcome = { ok: true; event: CanonicalEvent } | { ok: false; entry: QuarantineEntry };

const summary = (errors: MappingFieldError[]) => errors.map((e) => `${e.field}: ${e.reason}`).join("; ");

function envelopeErrors(error: z.ZodError): MappingFieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(event)", source_path: null, reason: issue.message }));
}

export async function normalizeRecord(
  mapping: CompiledMapping | string,
  origin: RecordOrigin,
  record: RawRecord,
  emittedAt: string,
): Promise<RecordOutcome> {
  const failed = (reason: string, errors: MappingFieldError[], recordId: string | null): RecordOutcome => ({
    ok: false,
    entry: {
      recordId,
      line: record.line ?? null,
      raw: record,
      reason,
      errors,
      mappingVersion: typeof mapping === "string" ? null : mapping.mapping_version,
      entity: typeof mapping === "string" ? (origin.entity ?? null) : mapping.entity,
    },
  });
  if (typeof mapping === "string") return failed(mapping, [], record.record_id);
  const mapped = mapping.map(record.data, record.record_id);
  if (!mapped.ok) return failed(`mapping failed: ${summary(mapped.errors)}`, mapped.errors, mapped.record_id ?? record.record_id);
  const op = "upsert";
  const event = {
    meta: {
      version: CANONICAL_SCHEMA_VERSION,
      tenant_id: origin.tenant_id,
      trace_id: origin.trace_id,
      event_id: await eventId({ ...origin, record_id: mapped.record_id, op, record: record.data }),
      emitted_at: emittedAt,
      mapping_version: mapping.mapping_version,
      op,
    },
    source: { system: origin.system, connection_id: origin.connection_id, object: origin.object, record_id: mapped.record_id, cursor: record.cursor },
    entity: mapping.entity,
    data: mapped.data,
  };
  const checked = CanonicalEventSchema.safeParse(event);
  if (!checked.success) {
    const errors = envelopeErrors(checked.error);
    return failed(`invalid canonical event: ${summary(errors)}`, errors, mapped.record_id);
  }
  // The event as built, not zod's copy: a source key named "__proto__" in extras must stay data (see compile.ts).
  return { ok: true, event: event as CanonicalEvent };
}

export interface NormalizedBatch {
  events: CanonicalEvent[];
  quarantined: QuarantineEntry[];
}

export async function normalizeBatch(registry: MappingRegistry, batch: RawBatch, now = new Date()): Promise<NormalizedBatch> {
  const mapping = pickMapping(registry, batch);
  const emittedAt = now.toISOString();
  const events: CanonicalEvent[] = [];
  const quarantined: QuarantineEntry[] = batch.rejects.map((reject) => ({
    recordId: null,
    line: reject.line,
    raw: reject.raw,
    reason: `unparseable row: ${reject.reason}`,
    errors: [],
    mappingVersion: null,
    entity: batch.entity ?? null,
  }));
  for (const record of batch.records) {
    const outcome = await normalizeRecord(mapping, batch, record, emittedAt);
    if (outcome.ok) events.push(outcome.event);
    else quarantined.push(outcome.entry);
  }
  return { events, quarantined };
}
