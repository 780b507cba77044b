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
  return message.stage === "materialized" ? null : { connection_id: message.connection_id, object: message.object };
}

/** What the event is about: the object read, or the entity materialized. */
export const subjectOf = (item: FlowItem) => (item.message.stage === "materialized" ? item.message.entity : item.message.object);

/** "3 records", then any other non-zero count ("1 reject"). */
export function countsText(message: FlowMessage): string {
  const [first, ...rest] = Object.entries(message.counts);
  const parts = [first, ...rest.filter(([, n]) => n !== 0)].flatMap((entry) => (entry === undefined ? [] : [`${entry[1].toLocaleString()} ${entry[0]}`]));
  return parts.join(" · ");
}

export const timeOf = (message: FlowMessage) => new Date(message.at).toLocaleTimeString();

/** Lower-cased text a filter query is matched against: connection (id and name), object, entity, run and trace. */
export function filterText(item: FlowItem, connectionName: (id: string) => string | undefined): string {
  const m = item.message;
  const parts = [m.trace_id, m.stage === "materialized" ? m.entity : m.run_id];
  if (item.run !== null) parts.push(item.run.object, item.run.connection_id, connectionName(item.run.connection_id) ?? "");
  return parts.join(" ").toLowerCase();
}
