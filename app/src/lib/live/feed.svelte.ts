/**
 * A browser client for the Worker's live feeds (/dcl, /live-flow; protocol in workers/dcl/live/protocol.ts).
 * It authenticates with the access token as a subprotocol (browsers cannot set Authorization on a WebSocket),
 * acks what it processed in batches (the server cuts off a client with too many unacknowledged messages), pings
 * so an idle socket is not closed, and reconnects with backoff from the last seq it processed, so nothing
 * still in the server's replay buffer is missed. `status` is reactive, for the page's live indicator.
 */
import type { Channel, ServerMessage } from "$workers/dcl/live/messages";
import type { EntityName } from "$workers/canonical/names";
import { BEARER_PROTOCOL_PREFIX, CUTOFF_CLOSE_CODE, FEED_PROTOCOL } from "$workers/dcl/live/protocol";
import { session } from "$lib/api/session.svelte";

export type FeedStatus = "connecting" | "open" | "reconnecting" | "closed";

/** A message that carries data and a seq (`change` on /dcl, `flow` on /live-flow). */
export type FeedData = Extract<ServerMessage, { type: "change" }> | Extract<ServerMessage, { type: "flow" }>;

export interface FeedOptions {
  channel: Channel;
  /** /dcl only: the entities to receive; absent: every entity */
  entities?: EntityName[];
  /** the last seq already seen: the server first replays what it still buffers after it (0: all it has) */
  since?: number;
  onMessage: (message: FeedData) => void;
  /** messages from..to are gone from the server's buffer: whatever the page derived from them is incomplete */
  onGap?: (gap: { from: number; to: number }) => void;
}

/** Ack after this many processed messages, or ACK_DELAY_MS after the first unacknowledged one. */
const ACK_EVERY = 50;
const ACK_DELAY_MS = 1_000;
/** The server closes a socket that shows no life for 90 s; a ping every 30 s keeps it open without waking it. */
const PING_MS = 30_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

export class LiveFeed {
  status = $state<FeedStatus>("closed");
  #options: FeedOptions;
  #socket: WebSocket | null = null;
  /** the last seq processed; undefined until the first message (then reconnects resume after it) */
  #lastSeq: number | undefined;
  #acked = 0;
  #unacked = 0;
  #ackTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #stopped = true;

  constructor(options: FeedOptions) {
    this.#options = options;
    this.#lastSeq = options.since;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.status = "connecting";
    void this.#connect();
  }

  /** Closes for good (the page unmounts); acks what was processed first. */
  close(): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#flushAck();
    this.#teardown(1000, "page closed");
    this.status = "closed";
  }

  async #connect(): Promise<void> {
    const token = await session.accessToken();
    if (this.#stopped) return;
    if (token === null) {
      this.status = "closed";
      return;
    }
    const socket = new WebSocket(this.#url(), [FEED_PROTOCOL, `${BEARER_PROTOCOL_PREFIX}${token}`]);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.status = "open";
      this.#pingTimer = setInterval(() => socket.send(JSON.stringify({ type: "ping" })), PING_MS);
    };
    socket.onmessage = (event) => this.#receive(JSON.parse(String(event.data)) as ServerMessage | { type: "pong" });
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#teardown();
      // a cut-off client resumes at once: it only has to catch up
      this.#reconnect(event.code === CUTOFF_CLOSE_CODE ? 0 : this.#backoff());
    };
  }

  #url(): string {
    const url = new URL(`/${this.#options.channel}`, location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    if (this.#lastSeq !== undefined) url.searchParams.set("since", String(this.#lastSeq));
    if (this.#options.entities !== undefined) url.searchParams.set("entities", this.#options.entities.join(","));
    return url.toString();
  }

  #receive(message: ServerMessage | { type: "pong" }): void {
    switch (message.type) {
      case "change":
      case "flow":
        // a replay after a reconnect may overlap what this client already processed
        if (this.#lastSeq !== undefined && message.seq <= this.#lastSeq) return;
        this.#options.onMessage(message);
        this.#processed(message.seq);
        return;
      case "gap":
        this.#options.onGap?.({ from: message.from, to: message.to });
        this.#processed(Math.max(this.#lastSeq ?? 0, message.to));
        return;
      case "error":
        console.warn(`live feed /${this.#options.channel}: ${message.detail}`);
        return;
      // cutoff: the close that follows reconnects; heartbeat, subscribed, pong: nothing to do
      default:
        return;
    }
  }

  #processed(seq: number): void {
    this.#lastSeq = seq;
    this.#unacked += 1;
    if (this.#unacked >= ACK_EVERY) this.#flushAck();
    else this.#ackTimer ??= setTimeout(() => this.#flushAck(), ACK_DELAY_MS);
  }

  #flushAck(): void {
    clearTimeout(this.#ackTimer);
    this.#ackTimer = undefined;
    this.#unacked = 0;
    const seq = this.#lastSeq;
    if (seq === undefined || seq <= this.#acked || this.#socket?.readyState !== WebSocket.OPEN) return;
    this.#socket.send(JSON.stringify({ type: "ack", seq }));
    this.#acked = seq;
  }

  #backoff(): number {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.#attempt);
    this.#attempt += 1;
    // jitter, so many tabs do not reconnect in step after the server restarts
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  #reconnect(delay: number): void {
    if (this.#stopped) return;
    this.status = "reconnecting";
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
  }

  #teardown(code?: number, reason?: string): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#ackTimer);
    this.#ackTimer = undefined;
    this.#unacked = 0;
    // a new socket starts with a fresh window on the server: nothing it was sent before is outstanding
    this.#acked = this.#lastSeq ?? 0;
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null && socket.readyState <= WebSocket.OPEN) socket.close(code, reason);
  }
}
