// `npm run bench -- match`: the semantic field matcher on a 40-field object, offline (hashed embedder, in-memory
// index, no network), run in Node through the project's TypeScript hooks: the matcher is pure TypeScript with no
// Worker bindings, so a Miniflare worker would only add the request path around it.
// Measured: one `match` call per iteration (a fresh matcher's first call also seeds the index, so that is timed
// separately as "cold"). Baseline, same run: the lexical-only pass over the same object (tokenising every field
// and scoring it against every target's phrases, no values, retrieval or assignment).
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

const ITERATIONS = Number(process.env.BENCH_MATCH_ITERATIONS ?? 300);
const TARGET_MS = 50;

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function timed(run) {
  for (let index = 0; index < 20; index++) await run(); // warm-up: JIT and caches
  const times = [];
  for (let index = 0; index < ITERATIONS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

export async function matchBench() {
  await import("../scripts/lib/ts-hooks.mjs");
  const { createMatcher } = await import("../workers/aam/matching/matcher.ts");
  const { offlineEmbedder } = await import("../workers/aam/matching/embeddings/offline.ts");
  const { inMemoryIndex } = await import("../workers/aam/matching/index/in-memory.ts");
  const { DEFAULT_AUTO_APPLY_THRESHOLD } = await import("../workers/aam/matching/calibrate.ts");
  const { entityWordIndex, preparedTargets } = await import("../workers/aam/matching/knowledge.ts");
  const { lexicalScores, viewField } = await import("../workers/aam/matching/score.ts");

  // the dev set's Salesforce Account: 40 fields with labels, types and samples
  const dev = JSON.parse(readFileSync(new URL("../../shared/fixtures/field-matching/dev.json", import.meta.url), "utf8"));
  const object = dev.cases.find((testCase) => testCase.fields.length === 40);
  const request = { entity: object.entity, system: object.system, fields: object.fields.map(({ expected, ...field }) => field) };
  const deps = { embedder: offlineEmbedder, index: inMemoryIndex(), memory: [], threshold: DEFAULT_AUTO_APPLY_THRESHOLD };

  const coldStart = performance.now();
  const matches = (await createMatcher(deps)(request)).matches;
  const cold = performance.now() - coldStart;
  if (matches.length !== 40) {
    console.error(`match: expected 40 matches, got ${matches.length}`);
    return false;
  }
  const matcher = createMatcher(deps);
  const full = await timed(() => matcher(request));
  const targets = preparedTargets(request.entity);
  const words = entityWordIndex(request.entity);
  const lexical = await timed(async () => request.fields.map(viewField).map((view) => lexicalScores(view, targets, words)));

  console.log(`\nmatch: ${object.system}/${object.object}, 40 fields, ${ITERATIONS} iterations (offline embedder, in-memory index)`);
  console.log(`  full match        p50 ${full.p50.toFixed(2)} ms  p99 ${full.p99.toFixed(2)} ms  (first call with index seeding ${cold.toFixed(1)} ms)`);
  console.log(`  lexical-only pass p50 ${lexical.p50.toFixed(2)} ms  p99 ${lexical.p99.toFixed(2)} ms`);
  console.log(`  ratio full / lexical p50 ${(full.p50 / lexical.p50).toFixed(2)}x`);
  console.log(`  target < ${TARGET_MS} ms: p50 ${full.p50 < TARGET_MS ? "met" : "NOT met"}, p99 ${full.p99 < TARGET_MS ? "met" : "NOT met"} (load average ${loadavg()[0]?.toFixed(1)})`);
  return true;
}
