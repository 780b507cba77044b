// `npm run bench -- mapping`: compiled mapping + validation (map, then the envelope) against plain
// CanonicalEventSchema validation of the events it produced; event-id hashing and the whole per-record path
// (map, event id, envelope, as normalizeBatch runs it) are printed separately. The loops run inside workerd
// (POST /api/v1/bench/mapping, bench/routes/mapping.ts), where the pipeline runs, on generated Salesforce
// Opportunity records; this script prints the medians of the rounds.
import { median } from "./lib/stats.mjs";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 0.5;

/** Prints the figures (a quarantined record fails the request, so they are always valid). Needs a bench worker at `url`. */
export async function mappingBench({ url }) {
  const res = await fetch(`${url}/api/v1/bench/mapping?records=${RECORDS}&rounds=${ROUNDS}`, { method: "POST" });
  if (res.status !== 200) throw new Error(`mapping benchmark: ${res.status} ${await res.text()}`);
  const { records, rounds } = await res.json();
  const ms = (key) => median(rounds.map((round) => round[key]));
  const rate = (millis) => Math.round(records / (millis / 1000));
  const rows = [
    ["mapping + validation (map + envelope)", ms("map_validate_ms")],
    ["  its part: the mapping (mapping.map)", ms("map_ms")],
    ["plain CanonicalEventSchema.parse", ms("parse_ms")],
    ["event ids alone (eventId)", ms("event_id_ms")],
    ["whole path (map + event id + envelope)", ms("normalize_ms")],
  ];
  console.log(`\nMapping + validation: ${records} Salesforce Opportunity records, ${rounds.length} interleaved rounds in workerd (median)`);
  console.log("path                                          ms   records/s");
  for (const [name, millis] of rows) console.log(`${name.padEnd(40)} ${String(millis).padStart(7)}  ${String(rate(millis)).padStart(10)}`);
  const ratio = ms("parse_ms") / ms("map_validate_ms");
  const whole = ms("parse_ms") / ms("normalize_ms");
  console.log(`mapping + validation / plain validation = ${ratio.toFixed(2)}x (target >= ${TARGET}x: ${ratio >= TARGET ? "met" : "NOT met"})`);
  console.log(`  whole path (with event-id hashing) / plain validation = ${whole.toFixed(2)}x (not the target's measure)`);
  return true;
}
