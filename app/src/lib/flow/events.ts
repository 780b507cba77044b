/** Live-flow events as the Live Flow page shows them: stages, what an event is about, its counts, its filter text. */
import type { FlowEvent, ServerMessage } from "$workers/dcl/live/messages";

export type FlowMessage = Extract<ServerMessage, { type: "flow" }>;
export type Stage = FlowEvent["stage"];

/** The pipeline's order; a Record so a stage added to the protocol fails the type check until it is listed here. */
const STAGE_LABEL = {
  received: "Received",
  mapped: "Mapped",
  quarantined: "Quarantined",
  drift: "Drift",
  materialized: "Materialized",
  agent: "Agents",
  action: "Actions",
} satisfies Record<Stage, string>;
export const STAGES = Object.keys(STAGE_LABEL) as Stage[];
export const stageLabel = (stage: Stage) => STAGE_LABEL[stage];

/** The source object a run event read; for a materialized event, the run that shares its trace (when seen). */
export interface RunRef {
  connection_id: string;
  object: string;
}

export interface FlowItem {
  message: FlowMessage;
  run: RunRef | null;
}

export function runOf(message: FlowMessage): RunRef | null {
  return "connection_id" in message ? { connection_id: message.connection_id, object: message.object } : null;
}

/** What the event is about: the object read, the entity materialized, the agent that ran, the action's type. */
export function subjectOf(item: FlowItem): string {
  const m = item.message;
  if (m.stage === "materialized") return m.entity;
  if (m.stage === "agent") return m.agent;
  if (m.stage === "action") return m.action_type;
  return m.object;
}

/** "3 records", then any other non-zero count ("1 reject"); an agent run's status first; an action's status. */
export function countsText(message: FlowMessage): string {
  if (message.stage === "action") return message.status.replaceAll("_", " ");
  const [first, ...rest] = Object.entries(message.counts);
  const parts = [first, ...rest.filter(([, n]) => n !== 0)].flatMap((entry) => (entry === undefined ? [] : [`${entry[1].toLocaleString()} ${entry[0]}`]));
  return (message.stage === "agent" ? [message.status, ...parts] : parts).join(" · ");
}

export const timeOf = (message: FlowMessage) => new Date(message.at).toLocaleTimeString();

/** Lower-cased text a filter query is matched against: trace, subject, run or action id, connection (id and name). */
export function filterText(item: FlowItem, connectionName: (id: string) => string | undefined): string {
  const m = item.message;
  const parts = [m.trace_id, subjectOf(item)];
  if ("run_id" in m) parts.push(m.run_id);
  if (m.stage === "action") parts.push(m.action_id);
  if (item.run !== null) parts.push(item.run.object, item.run.connection_id, connectionName(item.run.connection_id) ?? "");
  return parts.join(" ").toLowerCase();
}
