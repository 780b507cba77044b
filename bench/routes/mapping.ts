/**
 * POST /api/v1/bench/mapping?records=N&rounds=R: mapping + validation against plain validation, timed inside the
 * isolate on the same records in the same run, with the bundled Salesforce Opportunity mapping. Per round,
 * interleaved: mapping + validation as the pipeline does it (the compiled `mapping.map`, which validates `data`
 * with the entity schema, then the batch's `envelopes`: the event built and its envelope validated, whole for a
 * batch's first event and per-event fields for the others, in batches of BATCH records, with the event ids
 * hashed beforehand), plain CanonicalEventSchema.parse of the events the pipeline produced, then, reported
 * separately, the event ids alone (eventId: sorted JSON + one SHA-256), the mapping alone, and the whole
 * per-record path as normalizeBatch runs it (recordNormalizer per BATCH records: map, event id, envelope).
 * Returns each round's milliseconds; the client takes the medians.
 */
import type { Context } from "hono";
import { type CanonicalEvent, CanonicalEventSchema } from "../../workers/canonical/event";
import { eventId } from "../../workers/canonical/event-id";
import type { RawRecord } from "../../workers/aam/connectors/connector";
import { systemMappings } from "../../workers/aam/mapping/registry";
import { type RecordOrigin, envelopes, recordNormalizer } from "../../workers/aam/pipeline/normalize";
import { salesforceOpportunity } from "../data/opportunities";
import { elapsedMs } from "./clock";

/** records per raw batch: FileSource pages and Salesforce query pages are a few hundred */
const BATCH = 200;

const origin: RecordOrigin = {
  tenant_id: "tnt_bench",
  connection_id: "con_bench",
  trace_id: "0123456789abcdef0123456789abcdef",
  system: "salesforce",
  object: "Opportunity",
  entity: undefined,
};

export async function benchMapping(c: Context) {
  const count = Number(c.req.query("records") ?? 20_000);
  const rounds = Number(c.req.query("rounds") ?? 5);
  const mapping = (await systemMappings()).get(origin.system, origin.object);
  if (mapping === undefined) throw new Error(`no bundled mapping for ${origin.system}/${origin.object}`);
  const records: RawRecord[] = Array.from({ length: count }, (_, i) => {
    const data = salesforceOpportunity(i);
    return { record_id: String(data.Id), data, cursor: `bench:${i}` };
  });
  const emittedAt = new Date().toISOString();

  const normalizeAll = async () => {
    const events: CanonicalEvent[] = [];
    let normalize = recordNormalizer(mapping, origin, emittedAt);
    for (let i = 0; i < records.length; i++) {
      if (i % BATCH === 0) normalize = recordNormalizer(mapping, origin, emittedAt);
      const outcome = await normalize(records[i]!);
      if (!outcome.ok) throw new Error(`record ${records[i]!.record_id} was quarantined: ${outcome.entry.reason}`);
      events.push(outcome.event);
    }
    return events;
  };
  const parseAll = (events: CanonicalEvent[]) => {
    for (const event of events) CanonicalEventSchema.parse(event);
  };
  const mapAll = async () => {
    for (const record of records) mapping.map(record.data, record.record_id);
  };
  const mapAndValidateAll = async (ids: string[]) => {
    let envelope = envelopes(mapping, origin, emittedAt);
    for (let i = 0; i < records.length; i++) {
      // a new batch every BATCH records, as the pipeline has: its first event's envelope is validated whole
      if (i % BATCH === 0) envelope = envelopes(mapping, origin, emittedAt);
      const record = records[i]!;
      const mapped = mapping.map(record.data, record.record_id);
      if (!mapped.ok || !envelope(record, mapped, ids[i]!).ok) throw new Error(`record ${record.record_id} failed`);
    }
  };
  const eventIdAll = async () => {
    for (const record of records) await eventId({ ...origin, record_id: record.record_id, op: "upsert", record: record.data, cursor: record.cursor });
  };

  // Warm-up: the JIT, zod's compiled checks and the registry see every path before anything is timed.
  const events = await normalizeAll();
  const ids = events.map((event) => event.meta.event_id);
  parseAll(events);
  await mapAndValidateAll(ids);
  await mapAll();
  await eventIdAll();

  const samples: { map_validate_ms: number; parse_ms: number; event_id_ms: number; map_ms: number; normalize_ms: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const map_validate_ms = await elapsedMs(() => mapAndValidateAll(ids));
    const parse_ms = await elapsedMs(async () => parseAll(events));
    const event_id_ms = await elapsedMs(eventIdAll);
    const map_ms = await elapsedMs(mapAll);
    const normalize_ms = await elapsedMs(async () => void (await normalizeAll()));
    samples.push({ map_validate_ms, parse_ms, event_id_ms, map_ms, normalize_ms });
  }
  return c.json({ records: count, rounds: samples });
}
