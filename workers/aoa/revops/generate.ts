/**
 * A seeded synthetic sales history for the backtest and the demo: accounts of differing quality (better accounts
 * have more known contacts), deals that move through three stages, push their close dates out when they are weak,
 * and are won or lost. The sources' own `probability` follows the usual rep convention per stage, which does not
 * know this tenant's real conversion. Everything after `now` is cut off, so the latest deals are still open.
 * The same options always give the same input.
 */
import { between, gaussian, seededRandom } from "../../platform/seeded-random";
import { DAY_MS } from "./history";
import type { RevOpsInput, Snapshot } from "./input";

export const GENERATED_STAGES = ["Qualification", "Proposal", "Negotiation"] as const;
/** the probability (percent) a rep enters for each stage */
const REP_PROBABILITY: Record<(typeof GENERATED_STAGES)[number], number> = { Qualification: 20, Proposal: 50, Negotiation: 80 };

export interface GenerateRevOpsOptions {
  seed: number;
  now: Date;
  deals: number;
  accounts?: number;
  /** how far back the first deals were created */
  historyDays?: number;
}

type Generated = RevOpsInput["opportunities"][number];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function generateRevOpsInput(options: GenerateRevOpsOptions): RevOpsInput {
  const next = seededRandom(options.seed);
  const nowMs = options.now.getTime();
  const accounts = Array.from({ length: options.accounts ?? 20 }, (_, i) => {
    const quality = next();
    return { id: `acc_${String(i).padStart(3, "0")}`, name: `Account ${i}`, quality, scale: Math.round(between(next, 5, 80)) * 1000, contacts: Math.round(quality * 4 + next()) };
  });

  const opportunities = Array.from({ length: options.deals }, (_, i): Generated => {
    const account = accounts[Math.floor(next() * accounts.length)]!;
    const quality = clamp01(0.6 * account.quality + 0.4 * next());
    const amount = Math.round(account.scale * Math.exp(0.4 * gaussian(next)));
    const created = nowMs - between(next, 10, options.historyDays ?? 540) * DAY_MS;
    let closeDate = created + between(next, 30, 90) * DAY_MS;
    let t = created;
    const history: Snapshot[] = [];
    const snap = (stage: (typeof GENERATED_STAGES)[number], status: Snapshot["status"], probability: number) =>
      history.push({ at: new Date(t).toISOString(), stage: status === "open" ? stage : `Closed ${status === "won" ? "Won" : "Lost"}`, close_date: day(closeDate), amount, probability, status });
    let outcome: Snapshot["status"] = "open";
    for (const [index, stage] of GENERATED_STAGES.entries()) {
      snap(stage, "open", REP_PROBABILITY[stage]);
      const dwell = between(next, 5, 25) * (1.6 - quality) * DAY_MS;
      if (next() < (1 - quality) * 0.6) {
        // a weak deal pushes its close date out halfway through the stage
        t += dwell / 2;
        closeDate = Math.max(closeDate, t) + between(next, 14, 45) * DAY_MS;
        snap(stage, "open", REP_PROBABILITY[stage]);
        t += dwell / 2;
      } else t += dwell;
      const last = index === GENERATED_STAGES.length - 1;
      const advances = next() < (last ? 0.15 + 0.8 * quality : 0.5 + 0.45 * quality);
      if (!advances || last) {
        outcome = advances ? "won" : "lost";
        closeDate = t;
        snap(stage, outcome, outcome === "won" ? 100 : 0);
        break;
      }
    }
    const seen = history.filter((s) => Date.parse(s.at) <= nowMs);
    const current = seen.at(-1) ?? history[0]!;
    return {
      id: `opp_${String(i).padStart(4, "0")}`,
      source_id: `D-${i}`,
      account_id: account.id,
      name: `Deal ${i}`,
      stage: current.stage,
      amount,
      currency: "EUR",
      close_date: current.close_date,
      probability: current.probability,
      status: current.status,
      owner: `rep${i % 5}@example.com`,
      created_at: new Date(created).toISOString(),
      updated_at: current.at,
      sources: [{ system: "filesource", connection_id: "con_generated", object: "deals", record_id: `D-${i}` }],
      history: seen,
    };
  });
  return {
    opportunities,
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, annual_revenue: a.scale * 40, currency: "EUR" })),
    contact_counts: Object.fromEntries(accounts.map((a) => [a.id, a.contacts])),
  };
}
