// `npm run bench -- ingest`: end-to-end CSV ingest against a raw batched insert of the same rows into the same D1.
// Pipeline: from the upload (POST /api/v1/aam/connections/{id}/files through the whole gateway) until the run
// says succeeded with every row emitted (polled at GET /api/v1/aam/runs/{id}): R2, the sync queue, the FileSource
// reader, the raw queue, normalization and the canonical_events append. Baseline: the same CSV posted to
// /api/v1/bench/raw-insert (bench/routes/raw-insert.ts). Each round uploads a new file (new record ids, so every
// row becomes a new event), and the two are interleaved round by round. With `{ dcl: "paused" }` (a bench worker
// with BENCH_DCL=paused) the same runs without the DCL materializing alongside: a diagnostic of the pipeline alone,
// since locally every consumer shares one workerd thread.
import { accountsCsv } from "./data/accounts-csv.mjs";
import { median } from "./lib/stats.mjs";
import { enterpriseToken } from "./lib/tenant.mjs";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POLL_MS = 50;
const STALL_MS = 60_000; // a run whose counts do not move for this long is stuck (e.g. a job waiting out a retry)
const TARGET = 0.3;

/** Prints the figures; resolves false if a run failed or did not emit every row. Needs a bench worker at `url`. */
export async function ingestBench(worker, { dcl = "running" } = {}) {
  const { url } = worker;
  const settled = dcl === "paused" ? async () => {} : dclSettled;
  const auth = { authorization: `Bearer ${await enterpriseToken(worker, "ingest")}` };
  const connection = await createConnection(url, auth);
  await pipeline(url, auth, connection, accountsCsv(500, "warm"), "warm"); // warm-up: isolates, queues, mappings
  await rawInsert(url, accountsCsv(500, "warm"));
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Each measurement starts on a quiet worker: the DCL still materializing the previous file would share the isolate
    // and D1 with it (the round's own file is materialized while it is measured, as in production).
    await settled(url, auth);
    const csv = accountsCsv(ROWS, `r${round}`);
    const timed = await pipeline(url, auth, connection, csv, `r${round}`);
    await settled(url, auth);
    samples.push({ pipeline: timed, raw: await rawInsert(url, csv) });
  }
  const valid = samples.every((s) => s.pipeline.run.status === "succeeded" && s.pipeline.run.counts.emitted === ROWS);
  const pipelineMs = median(samples.map((s) => s.pipeline.ms));
  const rawMs = median(samples.map((s) => s.raw.ms));
  const rate = (ms) => Math.round(ROWS / (ms / 1000));
  const how = dcl === "paused" ? "the DCL consumer PAUSED (diagnostic: the pipeline alone)" : "the DCL materializing alongside";
  console.log(`\nCSV ingest: ${ROWS} rows (mappings/filesource/accounts.yaml), ${ROUNDS} interleaved rounds, ${how}, local workerd (median)`);
  console.log("path                                          ms      rows/s");
  console.log(`${"upload → all events stored".padEnd(40)} ${String(Math.round(pipelineMs)).padStart(7)} ${String(rate(pipelineMs)).padStart(10)}`);
  console.log(`${"  of which: run duration (started→done)".padEnd(40)} ${String(median(samples.map((s) => s.pipeline.run.duration_ms))).padStart(7)}`);
  console.log(`${"raw batched insert (POST → stored)".padEnd(40)} ${String(Math.round(rawMs)).padStart(7)} ${String(rate(rawMs)).padStart(10)}`);
  console.log(`${"  of which: D1 batch() inserts".padEnd(40)} ${String(median(samples.map((s) => s.raw.insert_ms))).padStart(7)}`);
  const ratio = rawMs / pipelineMs;
  console.log(`end-to-end / raw insert = ${ratio.toFixed(3)}x (target >= ${TARGET}x: ${ratio >= TARGET ? "met" : "NOT met"})`);
  for (const [i, s] of samples.entries()) {
    const { status, counts } = s.pipeline.run;
    console.log(`  round ${i}: run ${status}, read ${counts.read}, emitted ${counts.emitted}, quarantined ${counts.quarantined}, duplicates ${counts.duplicates}`);
  }
  if (!valid) console.error("a run did not succeed with every row emitted; the figures above are not valid");
  return valid;
}

async function createConnection(url, auth) {
  const res = await fetch(`${url}/api/v1/aam/connections`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ system: "filesource", name: "Bench CSV", config: { delimiter: ";", id_column: "Account No" } }),
  });
  if (res.status !== 201) throw new Error(`create connection: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/** Upload, then poll the run until it is finished; the time is taken at the poll that saw it finished. */
async function pipeline(url, auth, connection, csv, label) {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/aam/connections/${connection}/files?entity=account&name=accounts-bench-${label}.csv`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv" },
    body: csv,
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { run_id } = await res.json();
  let progress = "";
  let movedAt = performance.now();
  for (;;) {
    const poll = await fetch(`${url}/api/v1/aam/runs/${run_id}`, { headers: auth });
    if (poll.status !== 200) throw new Error(`run ${run_id}: ${poll.status} ${await poll.text()}`);
    const run = await poll.json();
    if (run.status === "succeeded" || run.status === "failed") return { ms: performance.now() - started, run };
    const now = performance.now();
    if (JSON.stringify(run.counts) !== progress) [progress, movedAt] = [JSON.stringify(run.counts), now];
    if (now - movedAt > STALL_MS) throw new Error(`run ${run_id} stalled: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Waits until the DCL has materialized everything in the tenant's stream. */
async function dclSettled(url, auth) {
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${url}/api/v1/bench/materialize/lag`, { headers: auth });
    if (res.status !== 200) throw new Error(`lag: ${res.status} ${await res.text()}`);
    const { stream_last_seq, materialized_last_seq } = await res.json();
    if (materialized_last_seq >= stream_last_seq) return;
    if (performance.now() - started > STALL_MS) throw new Error(`the DCL did not catch up: ${materialized_last_seq} of ${stream_last_seq}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function rawInsert(url, csv) {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/bench/raw-insert`, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
  if (res.status !== 200) throw new Error(`raw insert: ${res.status} ${await res.text()}`);
  const { insert_ms } = await res.json();
  return { ms: performance.now() - started, insert_ms };
}
