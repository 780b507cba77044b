/**
 * Reading an opportunity's history of snapshots: its order, the deal as it stood at a past instant, the stints it
 * spent in each stage, and how often its close date was pushed out. Pure; any input order gives the same answers.
 */
import { compareText } from "../../dcl/materialize/record-key";
import type { RevOpsOpportunity, Snapshot } from "./input";

export const DAY_MS = 86_400_000;

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** Comparable instant: timestamps may carry offsets or differing fractional digits. */
const instant = (at: string) => new Date(at).toISOString();

/** Oldest first; snapshots of the same instant ordered by their content, so shuffled input sorts the same. */
export function orderedHistory(history: readonly Snapshot[]): Snapshot[] {
  return history
    .map((snapshot) => ({ snapshot, key: instant(snapshot.at), text: JSON.stringify(snapshot) }))
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.text, b.text))
    .map(({ snapshot }) => snapshot);
}

/**
 * The deal as it stood at `at`: the fields its latest snapshot by then carried, its history up to then and that
 * snapshot's time as its last update; null when it had no snapshot yet.
 */
export function asOf(deal: RevOpsOpportunity, at: string): RevOpsOpportunity | null {
  const cutoff = Date.parse(at);
  const history = orderedHistory(deal.history).filter((s) => Date.parse(s.at) <= cutoff);
  const last = history.at(-1);
  if (last === undefined) return null;
  const { stage, close_date, amount, probability, status } = last;
  return { ...deal, stage, close_date, amount, probability, status, updated_at: last.at, history };
}

export interface StageStint {
  stage: string;
  start: string;
  /** when the deal left the stage (moved on or closed); null while it is still there */
  end: string | null;
}

/** Consecutive open snapshots in one stage make one stint; a stage re-entered later starts another. */
export function stageStints(deal: RevOpsOpportunity): StageStint[] {
  const stints: StageStint[] = [];
  let current: StageStint | null = null;
  for (const snapshot of orderedHistory(deal.history)) {
    const stage = snapshot.status === "open" ? snapshot.stage : null;
    if (current !== null && current.stage === stage) continue;
    if (current !== null) current.end = snapshot.at;
    current = stage === null ? null : { stage, start: snapshot.at, end: null };
    if (current !== null) stints.push(current);
  }
  return stints;
}

/** The open stages a deal passed through, each once. */
export const stagesPassed = (deal: RevOpsOpportunity): string[] => [...new Set(stageStints(deal).map((s) => s.stage))].sort(compareText);

/** When the deal entered the stage it is in now: its last stint's start, else its creation. */
export function stageEnteredAt(deal: RevOpsOpportunity): string | null {
  const last = stageStints(deal).at(-1);
  return last !== undefined && last.end === null && last.stage === deal.stage ? last.start : deal.created_at;
}

export interface Slips {
  count: number;
  /** total days the close date was pushed out */
  days: number;
}

/** Each move of the close date to a later day while the deal was open is a slip. */
export function closeDateSlips(deal: RevOpsOpportunity): Slips {
  let previous: string | null = null;
  const slips: Slips = { count: 0, days: 0 };
  for (const snapshot of orderedHistory(deal.history)) {
    if (snapshot.close_date === null) continue;
    if (previous !== null && snapshot.status === "open" && snapshot.close_date > previous) {
      slips.count += 1;
      slips.days += daysBetween(previous, snapshot.close_date);
    }
    previous = snapshot.close_date;
  }
  return slips;
}

/** The latest of the view row's updated_at and its last snapshot: when anything last changed. */
export function lastActivity(deal: RevOpsOpportunity): string | null {
  const times = [deal.updated_at, ...deal.history.map((s) => s.at)].filter((t): t is string => t !== null).map(instant).sort(compareText);
  return times.at(-1) ?? null;
}
