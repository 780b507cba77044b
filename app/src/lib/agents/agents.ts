/** How an agent's card words its run status and schedule. */
import type { AgentRunSummary, AgentSettings } from "./types";

export const RUN_STATUS_TONE: Record<AgentRunSummary["status"], "" | "ok" | "bad"> = { running: "", succeeded: "ok", failed: "bad" };

/** "Runs every 24 hours on schedule" / "Runs on demand only". */
export function intervalText(settings: AgentSettings): string {
  if (!settings.enabled) return "Runs on demand only.";
  const hours = settings.interval_minutes / 60;
  if (hours % 24 === 0) return `Runs every ${hours / 24 === 1 ? "day" : `${hours / 24} days`} on schedule.`;
  return `Runs every ${Number.isInteger(hours) ? hours : hours.toFixed(1)} ${hours === 1 ? "hour" : "hours"} on schedule.`;
}
