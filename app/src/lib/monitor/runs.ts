/** A sync run's state as the monitor shows it: whether it is still going and how far it got. */
import type { Run } from "./types";
import type { Tone } from "./source-state";

/** Queued runs count: they are about to run, so the list keeps refreshing for them too. */
export const isActive = (run: Run): boolean => run.status === "queued" || run.status === "running";
export const anyActive = (runs: readonly Run[]): boolean => runs.some(isActive);

export const RUN_TONE: Record<Run["status"], Tone> = { queued: "neutral", running: "warn", succeeded: "ok", failed: "bad" };

export interface RunSegment {
  key: "emitted" | "duplicates" | "quarantined";
  label: string;
  count: number;
  /** of the records read, 0..1 */
  share: number;
}

/** What became of the records read: new events, duplicates of events already stored, quarantined. */
export function runSegments(run: Run): RunSegment[] {
  const { read, emitted, duplicates, quarantined } = run.counts;
  const share = (count: number) => (read === 0 ? 0 : Math.min(1, count / read));
  return [
    { key: "emitted", label: "emitted", count: emitted, share: share(emitted) },
    { key: "duplicates", label: "duplicates", count: duplicates, share: share(duplicates) },
    { key: "quarantined", label: "quarantined", count: quarantined, share: share(quarantined) },
  ];
}

/**
 * How far an active run got, when the source can tell (e.g. bytes of a file); undefined means indeterminate.
 * A finished run has no progress to show: its segments say it all.
 */
export function runFraction(run: Run): number | undefined {
  if (!isActive(run) || run.progress === null || run.progress.total === null || run.progress.total === 0) return undefined;
  return Math.min(1, run.progress.done / run.progress.total);
}
