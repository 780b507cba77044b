// `npm run eval:finops [-- --seeds 1,2,3]`: generates the synthetic FOCUS-like cost sets (seeded, with injected
// spikes, drops and level shifts), runs our seasonal robust detector and the naive mean ± 3σ baseline on each, and
// prints precision, recall and F1 per seed and pooled. Exits non-zero when ours is not better than the naive one.
import { DEFAULT_DETECT, detectAnomalies } from "../workers/aoa/finops/detect.ts";
import { evaluateDetector, naiveDetect, pooled, type Score } from "../workers/aoa/finops/evaluate.ts";
import { generateCosts } from "../workers/aoa/finops/generate.ts";

function parseSeeds(argv: string[]): number[] {
  const index = argv.indexOf("--seeds");
  const list = index === -1 ? undefined : argv[index + 1];
  return list === undefined ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : list.split(",").map(Number);
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);
const line = (label: string, s: Score) =>
  `${label.padEnd(14)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePositives}/${s.detections} flags true, ${s.found}/${s.labels} anomalies found)`;

const seeds = parseSeeds(process.argv.slice(2));
const ours: Score[] = [];
const naive: Score[] = [];
console.log(`detector: z > ${DEFAULT_DETECT.zThreshold} and |deviation| > ${DEFAULT_DETECT.minDeviation}; naive: mean ± 3σ of 28 days, same money floor`);
for (const seed of seeds) {
  const set = generateCosts({ seed });
  ours.push(evaluateDetector(set, (series) => detectAnomalies(series)));
  naive.push(evaluateDetector(set, (series) => naiveDetect(series)));
  console.log(`seed ${seed}`);
  console.log(line("  seasonal", ours.at(-1) as Score));
  console.log(line("  naive", naive.at(-1) as Score));
}
const [total, baseline] = [pooled(ours), pooled(naive)];
console.log(`\nPOOLED over ${seeds.length} seeds`);
console.log(line("seasonal", total));
console.log(line("naive", baseline));
if (total.f1 <= baseline.f1) {
  console.log("FAIL: the seasonal detector is not better than the naive baseline");
  process.exitCode = 1;
}
