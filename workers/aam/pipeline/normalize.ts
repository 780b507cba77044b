/**
 * Raw records → CanonicalEvents: pick the compiled mapping, map (which validates `data` with the entity's schema),
 * wrap in the event envelope and validate the envelope, so every stored event conforms to CanonicalEventSchema
 * with each record validated once. Every record ends up as exactly one event or one quarantine entry (as does
 * every row the connector could not parse): nothing is dropped. No I/O here beyond hashing; the consumer and the
 * replay store the outcome.
 */
import type { z } from "@hono/zod-openapi";
import { CANONICAL_SCHEMA_VERSION, type CanonicalEvent, EventEnvelopeSchema, EventMetaSchema, EventSourceSchema } from "../../canonical/event";
import { eventId } from "../../canonical/event-id";
import type { RawRecord } from "../connectors/connector";
import type { CompiledMapping } from "../mapping/compile";
import type { MappingRegistry } from "../mapping/registry";
import type { MappingFieldError, MappingResult } from "../mapping/result";
import type { RawBatch } from "./messages";
import { pickMapping } from "./pick-mapping";
import type { QuarantineEntry } from "./quarantine";
import { tombstoneData } from "./tombstone-data";

/** What a record needs around it to become an event: whose it is and where it came from. */
export type RecordOrigin = Pick<RawBatch, "tenant_id" | "connection_id" | "trace_id" | "system" | "object" | "entity">;

export type RecordOutcome = { ok: true; event: CanonicalEvent } | { ok: false; entry: QuarantineEntry };

type Mapped = Extract<MappingResult, { ok: true }>;
type Enveloped = { ok: true; event: CanonicalEvent } | { ok: false; errors: MappingFieldError[] };

const summary = (errors: MappingFieldError[]) => errors.map((e) => `${e.field}: ${e.reason}`).join("; ");

const issueErrors = (issues: z.ZodError["issues"], prefix: string[] = []): MappingFieldError[] =>
  issues.map((issue) => ({ field: [...prefix, ...issue.path].join(".") || "(event)", source_path: null, reason: issue.message }));

/** The envelope fields that differ between the events of one origin; every other field is the same for all of them. */
const perEventFields = [
  { part: "meta", key: "event_id", schema: EventMetaSchema.shape.event_id },
  { part: "meta", key: "op", schema: EventMetaSchema.shape.op },
  { part: "source", key: "record_id", schema: EventSourceSchema.shape.record_id },
  { part: "source", key: "cursor", schema: EventSourceSchema.shape.cursor },
] as const;

/**
 * Mapped records of one origin into their event envelopes. The envelope (EventEnvelopeSchema: the event schema's
 * own meta and source schemas, strict) is validated whole for the first event; what the origin's events share
 * (tenant, trace, emitted_at, mapping version, system, connection, object, entity) is then known valid, so
 * each further event checks only its own event_id, op, record_id and cursor, with the same field schemas.
 */
export function envelopes(mapping: CompiledMapping, origin: RecordOrigin, emittedAt: string): (record: RawRecord, mapped: Mapped, id: string) => Enveloped {
  let shared: "unchecked" | "valid" = "unchecked";
  return (record, mapped, id) => {
    const event = {
      meta: {
        version: CANONICAL_SCHEMA_VERSION,
        tenant_id: origin.tenant_id,
        trace_id: origin.trace_id,
        event_id: id,
        emitted_at: emittedAt,
        mapping_version: mapping.mapping_version,
        op: record.op ?? "upsert",
      },
      source: { system: origin.system, connection_id: origin.connection_id, object: origin.object, record_id: mapped.record_id, cursor: record.cursor },
      // the entity whose schema the mapping validated `data` with
      entity: mapping.entity,
      data: mapped.data,
    };
    if (shared === "unchecked") {
      const checked = EventEnvelopeSchema.safeParse(event);
      if (!checked.success) return { ok: false, errors: issueErrors(checked.error.issues) };
      shared = "valid";
    } else {
      const errors: MappingFieldError[] = [];
      for (const { part, key, schema } of perEventFields) {
        const checked = schema.safeParse((event[part] as Record<string, unknown>)[key]);
        if (!checked.success) errors.push(...issueErrors(checked.error.issues, [part, key]));
      }
      if (errors.length > 0) return { ok: false, errors };
    }
    // The event as built, not zod's copy: a source key named "__proto__" in extras must stay data (see compile.ts).
    return { ok: true, event: event as CanonicalEvent };
  };
}

function quarantined(
  mapping: CompiledMapping | string,
  origin: RecordOrigin,
  record: RawRecord,
  failure: { reason: string; errors: MappingFieldError[]; recordId: string | null },
): RecordOutcome {
  return {
    ok: false,
    entry: {
      recordId: failure.recordId,
      line: record.line ?? null,
      raw: record,
      reason: failure.reason,
      errors: failure.errors,
      mappingVersion: typeof mapping === "string" ? null : mapping.mapping_version,
      entity: typeof mapping === "string" ? (origin.entity ?? null) : mapping.entity,
    },
  };
}

/**
 * A record mapped for its event. A delete is mapped like an upsert, so it gets the same source id (the mapping's id
 * path where the data carries it, else the connector's id) and, where the source sent the deleted record whole
 * (Salesforce queryAll), its last fields; a bare tombstone (only an id) that the mapping cannot read gets the
 * entity's tombstone data instead: a delete is never quarantined for the fields it no longer has.
 */
function deletedOrMapped(mapping: CompiledMapping, record: RawRecord): MappingResult {
  const mapped = mapping.map(record.data, record.record_id);
  if (mapped.ok || record.op !== "delete") return mapped;
  const recordId = mapped.record_id ?? record.record_id;
  return { ok: true, record_id: recordId, data: tombstoneData(mapping.entity, recordId) };
}

/** Records of one origin, mapped with one mapping (or all failing with its reason) at one emitted_at. */
export function recordNormalizer(mapping: CompiledMapping | string, origin: RecordOrigin, emittedAt: string): (record: RawRecord) => Promise<RecordOutcome> {
  if (typeof mapping === "string") return async (record) => quarantined(mapping, origin, record, { reason: mapping, errors: [], recordId: record.record_id });
  const envelope = envelopes(mapping, origin, emittedAt);
  return async (record) => {
    const mapped = deletedOrMapped(mapping, record);
    if (!mapped.ok) {
      const failure = { reason: `mapping failed: ${summary(mapped.errors)}`, errors: mapped.errors, recordId: mapped.record_id ?? record.record_id };
      return quarantined(mapping, origin, record, failure);
    }
    const id = await eventId({ ...origin, record_id: mapped.record_id, op: record.op ?? "upsert", record: record.data, cursor: record.cursor });
    const enveloped = envelope(record, mapped, id);
    if (enveloped.ok) return enveloped;
    return quarantined(mapping, origin, record, { reason: `invalid canonical event: ${summary(enveloped.errors)}`, errors: enveloped.errors, recordId: mapped.record_id });
  };
}

export function normalizeRecord(mapping: CompiledMapping | string, origin: RecordOrigin, record: RawRecord, emittedAt: string): Promise<RecordOutcome> {
  return recordNormalizer(mapping, origin, emittedAt)(record);
}

export interface NormalizedBatch {
  events: CanonicalEvent[];
  quarantined: QuarantineEntry[];
}

/**
 * A batch held whole while its object's mapping awaits a repair: every record (deletes too, so replay keeps their
 * order) goes to quarantine with the reason, and the repair's application replays them.
 */
export function heldBatch(registry: MappingRegistry, batch: RawBatch, reason: string): NormalizedBatch {
  const mapping = pickMapping(registry, batch);
  const known = typeof mapping === "string" ? { mappingVersion: null, entity: batch.entity ?? null } : { mappingVersion: mapping.mapping_version, entity: mapping.entity };
  const held = batch.records.map((record): QuarantineEntry => ({ recordId: record.record_id, line: record.line ?? null, raw: record, reason, errors: [], ...known }));
  return { events: [], quarantined: [...rejected(batch), ...held] };
}

const rejected = (batch: RawBatch): QuarantineEntry[] =>
  batch.rejects.map((reject) => ({
    recordId: null,
    line: reject.line,
    raw: reject.raw,
    reason: `unparseable row: ${reject.reason}`,
    errors: [],
    mappingVersion: null,
    entity: batch.entity ?? null,
  }));

export async function normalizeBatch(registry: MappingRegistry, batch: RawBatch, now = new Date()): Promise<NormalizedBatch> {
  const normalize = recordNormalizer(pickMapping(registry, batch), batch, now.toISOString());
  const events: CanonicalEvent[] = [];
  const quarantined = rejected(batch);
  // All records at once: their event-id digests overlap instead of each waiting for the one before.
  for (const outcome of await Promise.all(batch.records.map(normalize))) {
    if (outcome.ok) events.push(outcome.event);
    else quarantined.push(outcome.entry);
  }
  return { events, quarantined };
}
