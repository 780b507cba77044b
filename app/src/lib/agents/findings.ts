/** Findings as the page filters and badges them. */
import type { AgentName, FindingSeverity, FindingStatus } from "./types";

export const SEVERITY_TONE: Record<FindingSeverity, "" | "ok" | "warn" | "bad"> = { info: "", low: "", medium: "warn", high: "bad" };
export const STATUS_TONE: Record<FindingStatus, "" | "ok" | "warn" | "bad"> = { open: "warn", dismissed: "", resolved: "ok" };

export const SEVERITIES: FindingSeverity[] = ["high", "medium", "low", "info"];
export const STATUSES: FindingStatus[] = ["open", "dismissed", "resolved"];

/** The list's filters; null: any. */
export interface FindingFilter {
  agent: AgentName | null;
  severity: FindingSeverity | null;
  status: FindingStatus | null;
}

/** Open findings of every agent: what needs a look. */
export const DEFAULT_FILTER: FindingFilter = { agent: null, severity: null, status: "open" };

const RANK: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Most severe first, then the most recently seen. */
export function orderFindings<T extends { severity: FindingSeverity; last_seen_at: string; id: string }>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (a.last_seen_at === b.last_seen_at ? (a.id < b.id ? -1 : 1) : a.last_seen_at > b.last_seen_at ? -1 : 1),
  );
}
