// `npm run bench [-- gateway|mapping|ingest|materialize|fanout|match|console|pipeline|dcl ...]`: runs the chosen benchmarks (all by
// default; `pipeline` is mapping + ingest, `dcl` materialize + fanout), each against its own fresh bench Worker on
// Miniflare (bench/lib/bench-worker.mjs); `match` runs the matcher in Node (bench/match.mjs); `console` builds the console and drives Chromium against `wrangler dev` (bench/console.mjs). Exits non-zero if a benchmark's figures are not valid (failed requests or runs); missed targets are reported, not failed.
import { consoleBench } from "./console.mjs";
import { fanoutBench } from "./fanout.mjs";
import { gatewayBench } from "./gateway.mjs";
import { ingestBench } from "./ingest.mjs";
import { withBenchWorker } from "./lib/bench-worker.mjs";
import { mappingBench } from "./mapping.mjs";
import { matchBench } from "./match.mjs";
import { materializeBench } from "./materialize.mjs";

const benchmarks = {
  gateway: gatewayBench,
  mapping: () => withBenchWorker({ LOG_LEVEL: "warn" }, mappingBench),
  ingest: async () =>
    (await withBenchWorker({ LOG_LEVEL: "warn" }, ingestBench)) &&
    (await withBenchWorker({ LOG_LEVEL: "warn", BENCH_DCL: "paused" }, (worker) => ingestBench(worker, { dcl: "paused" }))),
  materialize: () => withBenchWorker({ LOG_LEVEL: "warn" }, materializeBench),
  fanout: () => withBenchWorker({ LOG_LEVEL: "warn" }, fanoutBench),
  match: matchBench,
  console: consoleBench,
};
const groups = { all: Object.keys(benchmarks), pipeline: ["mapping", "ingest"], dcl: ["materialize", "fanout"] };

const asked = process.argv.slice(2);
const names = (asked.length === 0 ? ["all"] : asked).flatMap((name) => groups[name] ?? [name]);
const unknown = names.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${[...Object.keys(benchmarks), ...Object.keys(groups)].join(", ")}`);
  process.exit(2);
}
let valid = true;
for (const name of names) valid = (await benchmarks[name]()) && valid;
if (!valid) process.exitCode = 1;
