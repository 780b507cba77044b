/**
 * The Live Flow page's event log: newest first, capped; while paused, new events wait in a buffer (counted) and
 * join the log on resume. Counters per stage count every event received since the page opened.
 */
import { type FlowItem, type FlowMessage, type RunRef, STAGES, type Stage, runOf } from "./events";

/** Events kept on screen (and waiting while paused). */
export const CAP = 200;
/** Runs remembered by trace id, to tell which object a materialized event came from. */
const TRACES_KEPT = 1000;

export class FlowLog {
  items = $state<FlowItem[]>([]);
  paused = $state(false);
  waiting = $state(0);
  counts = $state(Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>);
  #buffer: FlowItem[] = [];
  #runs = new Map<string, RunRef>();

  push(message: FlowMessage): void {
    const item = { message, run: this.#runFor(message) };
    this.counts[message.stage] += 1;
    if (this.paused) {
      this.#buffer = [item, ...this.#buffer].slice(0, CAP);
      this.waiting += 1;
    } else {
      this.items = [item, ...this.items].slice(0, CAP);
    }
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.items = [...this.#buffer, ...this.items].slice(0, CAP);
    this.#buffer = [];
    this.waiting = 0;
    this.paused = false;
  }

  /** The pipeline carries one trace id from the upload to materialization. */
  #runFor(message: FlowMessage): RunRef | null {
    const own = runOf(message);
    if (own === null) return this.#runs.get(message.trace_id) ?? null;
    this.#runs.set(message.trace_id, own);
    if (this.#runs.size > TRACES_KEPT) this.#runs.delete(this.#runs.keys().next().value!);
    return own;
  }
}
