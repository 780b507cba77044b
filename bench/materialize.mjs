// `npm run bench -- materialize`: how fast the DCL materializer turns canonical events into view rows. A stream of
// BENCH_EVENTS events (accounts, opportunities, contacts of one tenant; bench/data/canonical-events.ts) is appended
// once with the pipeline's appendBatch; each round then clears the views and materializes the whole stream
//   - through the real CANONICAL_QUEUE consumer (one CanonicalBatch per appended batch), timed from the enqueue
//     request until every expected view row is there (polled every 50 ms);
//   - in the isolate (bench/routes/materialize.ts: the consumer's own eventsAt + materializeEvents per batch);
// and the baseline writes the same rows again with a raw batched insert (bench/routes/raw-view-insert.ts).
import { apiClient } from "./lib/api.mjs";
import { median } from "./lib/stats.mjs";
import { enterpriseToken } from "./lib/tenant.mjs";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const POLL_MS = 50;
const STALL_MS = 60_000;
const total = (rows) => rows.account + rows.opportunity + rows.contact;

/** Prints the figures; resolves false if the views did not reach the expected rows. */
export async function materializeBench(worker) {
  const call = apiClient(worker.url, await enterpriseToken(worker, "materialize"));
  const { events, batches } = await call("POST", `/api/v1/bench/materialize/seed?events=${EVENTS}&batch=${BATCH}`);
  if (events !== EVENTS) throw new Error(`seeded ${events} of ${EVENTS} events`);
  // Warm-up: every path once; rows depend only on the events, so this run's rows are what every round must reach.
  const { rows: expected } = await call("POST", "/api/v1/bench/materialize/direct", { batches });
  await call("POST", "/api/v1/bench/materialize/raw-insert");
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    await call("POST", "/api/v1/bench/materialize/clear");
    const queue = await throughQueue(call, batches, expected);
    await call("POST", "/api/v1/bench/materialize/clear");
    const direct = await call("POST", "/api/v1/bench/materialize/direct", { batches });
    const raw = await call("POST", "/api/v1/bench/materialize/raw-insert");
    samples.push({ queue, direct, raw });
  }
  const valid = samples.every((s) => s.queue.reached && total(s.direct.rows) === total(expected) && s.raw.rows === total(expected));
  const queueMs = median(samples.map((s) => s.queue.ms));
  const directMs = median(samples.map((s) => s.direct.ms));
  const rawMs = median(samples.map((s) => s.raw.insert_ms));
  const line = (label, ms, perSecond) => console.log(`${label.padEnd(46)} ${String(Math.round(ms)).padStart(7)} ${String(Math.round(perSecond)).padStart(10)}`);
  console.log(`\nMaterialization: ${EVENTS} events in ${batches.length} batches of ${BATCH} → ${total(expected)} view rows ` +
    `(${expected.account} accounts, ${expected.opportunity} opportunities, ${expected.contact} contacts), ${ROUNDS} rounds, local workerd (median)`);
  console.log("path                                                ms   per second");
  line("CANONICAL_QUEUE consumer (enqueue → all rows)", queueMs, EVENTS / (queueMs / 1000));
  line("materializer in the isolate (no queue)", directMs, EVENTS / (directMs / 1000));
  line("raw batched insert of the same rows (rows/s)", rawMs, total(expected) / (rawMs / 1000));
  console.log(`consumer / raw insert = ${(rawMs / queueMs).toFixed(3)}x; in-isolate / raw insert = ${(rawMs / directMs).toFixed(3)}x (no target: reported)`);
  for (const [i, s] of samples.entries()) {
    console.log(`  round ${i}: consumer ${Math.round(s.queue.ms)} ms (${s.queue.reached ? "all rows" : `stalled at ${s.queue.rows} rows`}), in-isolate ${Math.round(s.direct.ms)} ms, raw ${Math.round(s.raw.insert_ms)} ms`);
  }
  if (!valid) console.error("a round did not reach the expected view rows; the figures above are not valid");
  return valid;
}

async function throughQueue(call, batches, expected) {
  const started = performance.now();
  await call("POST", "/api/v1/bench/materialize/enqueue", { batches });
  let rows = 0;
  let movedAt = performance.now();
  for (;;) {
    const now = performance.now();
    const seen = total(await call("GET", "/api/v1/bench/materialize/rows"));
    if (seen === total(expected)) return { ms: performance.now() - started, reached: true, rows: seen };
    if (seen !== rows) [rows, movedAt] = [seen, now];
    if (now - movedAt > STALL_MS) return { ms: now - started, reached: false, rows };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
