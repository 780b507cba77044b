// `npm run bench -- mapping`: compiled mapping + CanonicalEvent validation against plain validation of the events
// it produced. The loops run inside workerd (POST /api/v1/bench/mapping, bench/routes/mapping.ts), where the
// pipeline runs, on generated Salesforce Opportunity records; this script prints the medians of the rounds.
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
    ["mapping + validation (normalizeRecord)", ms("normalize_ms")],
    ["  its part: the mapping (mapping.map)", ms("map_ms")],
    ["  its part: the event ids (eventId)", ms("event_id_ms")],
    ["plain CanonicalEventSchema.parse", ms("parse_ms")],
  ];
  console.log(`\nMapping + validation: ${records} Salesforce Opportunity records, ${rounds.length} interleaved rounds in workerd (median)`);
  console.log("path                                          ms   records/s");
  for (const [name, millis] of rows) console.log(`${name.padEnd(40)} ${String(millis).padStart(7)}  ${String(rate(millis)).padStart(10)}`);
  const ratio = ms("parse_ms") / ms("normalize_ms");
  const withoutIds = ms("parse_ms") / (ms("normalize_ms") - ms("event_id_ms"));
  console.log(`mapping + validation / plain validation = ${ratio.toFixed(2)}x (target >= ${TARGET}x: ${ratio >= TARGET ? "met" : "NOT met"})`);
  console.log(`  without the event ids (normalize - eventId) = ${withoutIds.toFixed(2)}x`);
  return true;
}
