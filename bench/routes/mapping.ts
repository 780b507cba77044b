/**
 * POST /api/v1/bench/mapping?records=N&rounds=R: mapping + validation against plain validation, timed inside the
 * isolate on the same records in the same run. Per round, interleaved: the real normalize path (normalizeRecord
 * with the bundled Salesforce Opportunity mapping: map, event id, envelope, CanonicalEventSchema.safeParse),
 * then plain CanonicalEventSchema.parse of the events that path produced, then, to show where the time goes,
 * the mapping alone (mapping.map) and the event ids alone (eventId: stable JSON + two SHA-256). Returns each
 * round's milliseconds; the client takes the medians.
 */
import type { Context } from "hono";
import { type CanonicalEvent, CanonicalEventSchema } from "../../workers/canonical/event";
import { eventId } from "../../workers/canonical/event-id";
import type { RawRecord } from "../../workers/aam/connectors/connector";
import { systemMappings } from "../../workers/aam/mapping/registry";
import { type RecordOrigin, normalizeRecord } from "../../workers/aam/pipeline/normalize";
import { salesforceOpportunity } from "../data/opportunities";
import { elapsedMs } from "./clock";

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
    for (const record of records) {
      const outcome = await normalizeRecord(mapping, origin, record, emittedAt);
      if (!outcome.ok) throw new Error(`record ${record.record_id} was quarantined: ${outcome.entry.reason}`);
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
  const eventIdAll = async () => {
    for (const record of records) await eventId({ ...origin, record_id: record.record_id, op: "upsert", record: record.data });
  };

  // Warm-up: the JIT, zod's compiled checks and the registry see every path before anything is timed.
  parseAll(await normalizeAll());
  await mapAll();
  await eventIdAll();

  const samples: { normalize_ms: number; parse_ms: number; map_ms: number; event_id_ms: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    let events: CanonicalEvent[] = [];
    const normalize_ms = await elapsedMs(async () => {
      events = await normalizeAll();
    });
    const parse_ms = await elapsedMs(async () => parseAll(events));
    const map_ms = await elapsedMs(mapAll);
    const event_id_ms = await elapsedMs(eventIdAll);
    samples.push({ normalize_ms, parse_ms, map_ms, event_id_ms });
  }
  return c.json({ records: count, rounds: samples });
}
