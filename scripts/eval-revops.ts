// `npm run eval:revops [-- --seeds 42,7]`: generates seeded sales histories (open, won and lost deals with stage
// moves and close-date slips), replays the RevOps forecast at past month-start cut-offs with only what was known
// then, and prints each method's error: the model (calibrated win probabilities), the sources' own `probability`
// and the unweighted pipeline. WAPE and MAE are on the won amount per period, Brier on the win probabilities.
import { backtest, BACKTEST_CUTOFFS, BACKTEST_HORIZON_MONTHS, type Backtest } from "../workers/aoa/revops/backtest.ts";
import { generateRevOpsInput } from "../workers/aoa/revops/generate.ts";
import { RevOpsInputSchema } from "../workers/aoa/revops/input.ts";

const NOW = new Date("2026-06-15T00:00:00.000Z");
const index = process.argv.indexOf("--seeds");
const seeds = (index === -1 ? "42,7,11,2026" : (process.argv[index + 1] ?? "")).split(",").map(Number);

const fixed = (value: number | null, digits: number) => (value === null ? "n/a" : value.toFixed(digits)).padStart(8);
const row = (label: string, e: Backtest["model"]) => `  ${label.padEnd(20)} WAPE ${fixed(e.wape, 3)}  MAE ${fixed(e.mae, 0)}  Brier ${fixed(e.brier, 4)}`;

console.log(`${BACKTEST_CUTOFFS} monthly cut-offs, ${BACKTEST_HORIZON_MONTHS}-month window, 600 generated deals per seed, as of ${NOW.toISOString().slice(0, 10)}`);
for (const seed of seeds) {
  const input = RevOpsInputSchema.parse(generateRevOpsInput({ seed, now: NOW, deals: 600 }));
  const result = backtest(input.opportunities, input.contact_counts, NOW);
  console.log(`seed ${seed} (${result.outcomes} closed outcomes)`);
  console.log(row("model", result.model));
  console.log(row("source probability", result.source_probability));
  console.log(row("unweighted pipeline", result.unweighted_pipeline));
}
