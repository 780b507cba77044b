/** Which of the page's sections a live-flow event makes stale. */
import type { FlowEvent } from "$workers/dcl/live/messages";

export type Section = "agents" | "revops" | "finops" | "findings" | "actions" | "alerts";

/**
 * A finished run changes its agent's card and outputs, the findings, and the actions (and alerts) it proposed; an
 * action changing status changes the actions, and an alert action's success adds an alert. Pipeline stages change
 * nothing here: the agents read the views only when they run.
 */
export function sectionsFor(event: FlowEvent): Section[] {
  if (event.stage === "agent") {
    const outputs: Section[] = event.agent === "revops" || event.agent === "finops" ? [event.agent] : [];
    return ["agents", ...outputs, "findings", "actions", "alerts"];
  }
  if (event.stage === "action") return event.action_type === "alert.create" ? ["actions", "alerts"] : ["actions"];
  return [];
}
