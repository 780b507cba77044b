/** Mapping repairs as the monitor lists them: what needs a decision first. */
import type { Repair, RepairChange } from "./types";

/** Pending repairs first; otherwise the API's order (newest first) is kept. */
export function pendingFirst(repairs: readonly Repair[]): Repair[] {
  return [...repairs.filter((r) => r.status === "pending"), ...repairs.filter((r) => r.status !== "pending")];
}

/** The change's source path before and after ("—" where there is none, e.g. a new field or an unmapped one). */
export function changeFromTo(change: RepairChange): { from: string; to: string } {
  const to = change.value !== undefined ? `constant ${change.value}` : (change.from ?? "—");
  return { from: change.previous_from ?? "—", to };
}

/** Who decided: the matcher on its own, or a person (the API gives their id). */
export const decidedByLabel = (repair: Repair): string | null =>
  repair.decided_by === null ? null : repair.decided_by === AUTO_DECIDER ? "auto-applied" : "by a person";

/** The decider the API records when a repair cleared the tenant's threshold. */
export const AUTO_DECIDER = "aam:auto";
