/** Actions as the page lists them: what needs a person first, what each will (or did) write, how it ended. */
import { formatValue } from "./format";
import type { Action, ActionPlan, ActionStatus, ActionType } from "./types";

/** Held actions wait for a person, failed ones may be retried: those first, then the rest. */
const STATUS_RANK: Record<ActionStatus, number> = { pending_approval: 0, failed: 1, executing: 2, succeeded: 3, rejected: 3 };

export const STATUS_TONE: Record<ActionStatus, "" | "ok" | "warn" | "bad"> = {
  pending_approval: "warn",
  executing: "",
  succeeded: "ok",
  failed: "bad",
  rejected: "bad",
};

export const STATUS_LABEL: Record<ActionStatus, string> = {
  pending_approval: "awaiting approval",
  executing: "executing",
  succeeded: "succeeded",
  failed: "failed",
  rejected: "rejected",
};

export const TYPE_LABEL: Record<ActionType, string> = {
  "opportunity.write_score": "Write deal score",
  "record.update": "Update record",
  "alert.create": "Raise alert",
  "sub_account.tag": "Tag sub-account",
};

/** Pending approvals first, oldest first (the longest waiting); then failed; then the rest, newest first. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function orderActions(actions: readonly Action[]): Action[] {
  return [...actions].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (a.status === "pending_approval" ? compare(a.created_at, b.created_at) : compare(b.created_at, a.created_at)) ||
      compare(a.id, b.id),
  );
}

export interface PlanLine {
  /** where it is written: "salesforce Opportunity 006…", "AutonomOS alerts", "AWS sub-account 1111…" */
  where: string;
  field: string;
  /** the value it has before, when the plan knows it */
  from: string | null;
  to: string;
}

/** Each field the action writes, where, and the value it gets: what an approver approves. */
export function planLines(plan: ActionPlan): PlanLine[] {
  switch (plan.kind) {
    case "write_back":
      return plan.write_back.writes.flatMap((write) =>
        write.fields.map((f) => ({
          where: `${write.system} ${write.object} ${write.record_id}`,
          field: f.source_field === f.field ? f.field : `${f.source_field} (${f.field})`,
          from: null,
          to: formatValue(f.source_value),
        })),
      );
    case "alert": {
      const where = "AutonomOS alerts";
      const lines: PlanLine[] = [
        { where, field: "severity", from: null, to: plan.alert.severity },
        { where, field: "title", from: null, to: plan.alert.title },
      ];
      if (plan.alert.recipient !== null) lines.push({ where, field: "recipient", from: null, to: plan.alert.recipient });
      return lines;
    }
    case "sub_account_tags": {
      const where = `${plan.provider_name ?? "cloud"} sub-account ${plan.sub_account_id}`;
      return Object.entries(plan.tags).map(([key, value]) => ({ where, field: `tag ${key}`, from: plan.current[key] ?? null, to: value }));
    }
  }
}

/** The plan's source records it leaves alone, and why (a read-only source, a field it cannot take). */
export function planSkipped(plan: ActionPlan): string[] {
  if (plan.kind !== "write_back") return [];
  return plan.write_back.skipped.map(
    (s) => `${s.system} ${s.object} ${s.record_id}: ${s.reasons.map((r) => (r.field === null ? r.reason : `${r.field}: ${r.reason}`)).join("; ")}`,
  );
}

/** Counts per status, for the section's summary line. */
export function countByStatus(actions: readonly Action[]): Partial<Record<ActionStatus, number>> {
  const counts: Partial<Record<ActionStatus, number>> = {};
  for (const a of actions) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/** The held actions (all of them) and the latest ones, each once, in the page's order. */
export function mergeActions(pending: readonly Action[], recent: readonly Action[]): Action[] {
  const byId = new Map<string, Action>();
  for (const a of [...pending, ...recent]) if (!byId.has(a.id)) byId.set(a.id, a);
  return orderActions([...byId.values()]);
}
