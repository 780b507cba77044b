/** Small hand-made deals for the RevOps unit tests: a deal is its final state plus the snapshots that led there. */
import type { RevOpsOpportunity, Snapshot } from "../../../workers/aoa/revops/input";

export const NOW = new Date("2026-06-15T12:00:00.000Z");

/** A snapshot `daysAgo` days before NOW. */
export function snap(daysAgo: number, stage: string, fields: Partial<Snapshot> = {}): Snapshot {
  return {
    at: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
    stage,
    close_date: "2026-07-31",
    amount: 10_000,
    probability: 50,
    status: "open",
    ...fields,
  };
}

/** A deal whose current fields are its last snapshot's (ids and names from `id`). */
export function deal(id: string, history: Snapshot[], fields: Partial<RevOpsOpportunity> = {}): RevOpsOpportunity {
  const last = history.at(-1)!;
  return {
    id,
    source_id: `src-${id}`,
    account_id: "acc-1",
    name: `Deal ${id}`,
    stage: last.stage,
    amount: last.amount,
    currency: "EUR",
    close_date: last.close_date,
    probability: last.probability,
    status: last.status,
    owner: "owner@example.com",
    created_at: history[0]!.at,
    updated_at: last.at,
    sources: [{ system: "salesforce", connection_id: "con-1", object: "Opportunity", record_id: id }],
    history,
    ...fields,
  };
}

/** A closed deal that went Qualification → `stages` → won or lost, ending `daysAgo` days ago. */
export function closed(id: string, outcome: "won" | "lost", stages: string[], daysAgo = 100, fields: Partial<RevOpsOpportunity> = {}): RevOpsOpportunity {
  const closeDate = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const history = stages.map((stage, i) => snap(daysAgo + 10 * (stages.length - i), stage, { close_date: closeDate }));
  history.push(snap(daysAgo, outcome === "won" ? "Closed Won" : "Closed Lost", { status: outcome, probability: outcome === "won" ? 100 : 0, close_date: closeDate }));
  return deal(id, history, fields);
}

/** Seeded Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
