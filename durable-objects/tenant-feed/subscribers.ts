/**
 * Per-socket state, kept in memory in one Map keyed by WebSocket, so a fan-out touches nothing but the sends.
 * What must survive hibernation (channel, entity filter, a recent sign of life) is also the socket's serialized
 * attachment; after the object wakes, the Map is rebuilt from `getWebSockets()` on first use. The
 * acknowledgement window is memory only: the object hibernates only after it has been idle, and a client then
 * starts with a fresh window.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../workers/canonical/names";
import { ChannelSchema } from "../../workers/dcl/live/messages";

export const SubscriberSchema = z.object({
  channel: ChannelSchema,
  /** /dcl entity filter; null = every entity */
  entities: z.array(EntityNameSchema).nullable(),
  actor: z.string(),
  /** ms since epoch of a client message at most LAST_SEEN_PERSIST_MS older than the last one */
  lastSeen: z.number(),
});
export type Subscriber = z.infer<typeof SubscriberSchema>;

/**
 * How stale the persisted `lastSeen` may get. Rewriting the attachment on every client message (each ack) cost a
 * serialization per ack on the object's single thread, interleaved with fan-outs; this bounds it to one per
 * socket per interval. A state rebuilt after hibernation assumes the latest value it could have had, so an idle
 * socket is closed at most this much late, never early.
 */
export const LAST_SEEN_PERSIST_MS = 10_000;

export interface LiveState {
  /** as persisted in the attachment */
  subscriber: Subscriber;
  /** ms since epoch of the last client message (exact while the object is awake) */
  lastSeen: number;
  /** seqs sent live and not yet acknowledged, ascending */
  outstanding: number[];
  closed: boolean;
}

export class Subscribers {
  /** null until first used after the object (re)started */
  private live: Map<WebSocket, LiveState> | null = null;

  constructor(private readonly accepted: () => WebSocket[]) {}

  add(ws: WebSocket, subscriber: Subscriber): LiveState {
    ws.serializeAttachment(subscriber); // first: the socket is already accepted, so a first load restores it
    const state = { subscriber, lastSeen: subscriber.lastSeen, outstanding: [], closed: false };
    this.all().set(ws, state);
    return state;
  }

  /** The open sockets' states (a cut-off or idle socket stays, `closed`, until its close completes). */
  all(): Map<WebSocket, LiveState> {
    if (this.live === null) {
      this.live = new Map();
      for (const ws of this.accepted()) this.live.set(ws, restore(ws));
    }
    return this.live;
  }

  /** The socket's state; a socket whose close already completed gets a closed one. */
  of(ws: WebSocket): LiveState {
    return this.all().get(ws) ?? { ...restore(ws), closed: true };
  }

  remove(ws: WebSocket): void {
    this.of(ws).closed = true;
    this.all().delete(ws);
  }

  /** A client message arrived at `now`. */
  seen(ws: WebSocket, now: number): void {
    const state = this.of(ws);
    state.lastSeen = now;
    if (now - state.subscriber.lastSeen >= LAST_SEEN_PERSIST_MS) this.persist(ws, state, { lastSeen: now });
  }

  update(ws: WebSocket, change: Partial<Subscriber>): void {
    this.persist(ws, this.of(ws), change);
  }

  acknowledge(ws: WebSocket, seq: number): void {
    const outstanding = this.of(ws).outstanding;
    const done = outstanding.findIndex((s) => s > seq);
    outstanding.splice(0, done === -1 ? outstanding.length : done);
  }

  private persist(ws: WebSocket, state: LiveState, change: Partial<Subscriber>): void {
    state.subscriber = { ...state.subscriber, ...change };
    ws.serializeAttachment(state.subscriber);
  }
}

function restore(ws: WebSocket): LiveState {
  const subscriber = SubscriberSchema.parse(ws.deserializeAttachment());
  return { subscriber, lastSeen: subscriber.lastSeen + LAST_SEEN_PERSIST_MS, outstanding: [], closed: false };
}

export function wants(subscriber: Subscriber, entity: string | null): boolean {
  return entity === null || subscriber.entities === null || (subscriber.entities as string[]).includes(entity);
}
