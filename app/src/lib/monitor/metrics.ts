/**
 * Matching metrics computed in the browser from the repair and drift lists the monitor loaded (not a server-side
 * statistic): how repairs were decided and how confident the matcher was about the changes that were applied.
 */
import { AUTO_DECIDER } from "./repairs";
import type { DriftEvent, Repair } from "./types";

export interface MatchingMetrics {
  repairs: number;
  autoApplied: number;
  approved: number;
  rejected: number;
  pending: number;
  rolledBack: number;
  /** auto-applied among the repairs that were applied (rolled-back ones included); null when none was */
  shareAutoApplied: number | null;
  /** over every change of the applied repairs; null when there is none */
  meanConfidence: number | null;
  lowestConfidence: number | null;
  /** distinct canonical fields (per system and object) that applied repairs filled from a new source */
  fieldsRemapped: number;
  driftEvents: number;
  breakingDrift: number;
}

export function matchingMetrics(repairs: readonly Repair[], drift: readonly DriftEvent[]): MatchingMetrics {
  const applied = repairs.filter((r) => r.status === "applied");
  const wasApplied = repairs.filter((r) => r.status === "applied" || r.status === "rolled_back");
  const autoApplied = wasApplied.filter((r) => r.decided_by === AUTO_DECIDER).length;
  const confidences = applied.flatMap((r) => r.changes.map((c) => c.confidence));
  const remapped = new Set(
    applied.flatMap((r) => r.changes.filter((c) => c.action === "map" && c.from !== c.previous_from).map((c) => `${r.system}/${r.object}/${c.target}`)),
  );
  return {
    repairs: repairs.length,
    autoApplied,
    approved: wasApplied.length - autoApplied,
    rejected: repairs.filter((r) => r.status === "rejected").length,
    pending: repairs.filter((r) => r.status === "pending").length,
    rolledBack: repairs.filter((r) => r.status === "rolled_back").length,
    shareAutoApplied: wasApplied.length === 0 ? null : autoApplied / wasApplied.length,
    meanConfidence: confidences.length === 0 ? null : confidences.reduce((sum, c) => sum + c, 0) / confidences.length,
    lowestConfidence: confidences.length === 0 ? null : Math.min(...confidences),
    fieldsRemapped: remapped.size,
    driftEvents: drift.length,
    breakingDrift: drift.filter((d) => d.breaking).length,
  };
}
