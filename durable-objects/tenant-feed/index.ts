/**
 * TenantFeed: one SQLite-backed Durable Object per tenant, the fan-out behind the /dcl and /live-flow WebSockets.
 * Sockets are accepted with the Hibernation API (tagged with their channel), so an idle tenant's object leaves
 * memory while its clients stay connected. Publishers call `publish` (one RPC per batch, both channels at once);
 * each message is stamped with its channel's next seq, stored in the replay ring (buffer.ts), serialized once and
 * sent to every subscribed socket. Protocol: workers/dcl/live/protocol.ts.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/env";
import { createLogger, logLevel } from "../../workers/platform/log";
import { type Connect, parseConnect } from "../../workers/dcl/live/connect";
import {
  type Channel,
  CHANNELS,
  ClientMessageSchema,
  type PublishBatch,
  type ServerMessage,
  PING,
  PONG,
} from "../../workers/dcl/live/messages";
import {
  ACK_WINDOW,
  BUFFER_SIZE,
  CUTOFF_CLOSE_CODE,
  HEARTBEAT_MS,
  IDLE_CLOSE_CODE,
  IDLE_TIMEOUT_MS,
} from "../../workers/dcl/live/protocol";
import { type BufferedMessage, FeedBuffer } from "./buffer";
import { type LiveState, Subscribers, wants } from "./subscribers";

const text = (message: ServerMessage) => JSON.stringify(message);

export class TenantFeed extends DurableObject<Env> {
  private readonly buffer: FeedBuffer;
  private readonly subscribers: Subscribers;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.buffer = new FeedBuffer(ctx.storage.sql, BUFFER_SIZE);
    this.subscribers = new Subscribers(() => ctx.getWebSockets());
    // Answered by the runtime itself: a client's keep-alive never wakes a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** An upgrade the gateway authenticated: accept it, replay what the client missed, then it receives live. */
  override async fetch(request: Request): Promise<Response> {
    const connect = parseConnect(request.url);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || !connect.success) {
      return new Response("expected a WebSocket upgrade from the gateway", { status: 400 });
    }
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, [connect.data.channel]);
    this.replay(server, connect.data);
    await this.armHeartbeat();
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Appends and fans out; returns each published channel's last seq. Never waits on any client. */
  publish(batch: PublishBatch): Partial<Record<Channel, number>> {
    const last: Partial<Record<Channel, number>> = {};
    const dcl = batch.dcl ?? [];
    const flow = batch["live-flow"] ?? [];
    if (dcl.length > 0) {
      last.dcl = this.fanOut("dcl", this.buffer.append("dcl", dcl.map((change) => ({
        entity: change.entity,
        message: (seq: number) => text({ type: "change", seq, ...change }),
      }))));
    }
    if (flow.length > 0) {
      last["live-flow"] = this.fanOut("live-flow", this.buffer.append("live-flow", flow.map((event) => ({
        entity: null,
        message: (seq: number) => text({ type: "flow", seq, ...event }),
      }))));
    }
    return last;
  }

  override webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): void {
    this.subscribers.seen(ws, Date.now());
    let parsed;
    try {
      parsed = ClientMessageSchema.safeParse(JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw)));
    } catch {
      return this.send(ws, text({ type: "error", detail: "Messages must be JSON" }));
    }
    if (!parsed.success) return this.send(ws, text({ type: "error", detail: "Unknown message; expected subscribe or ack" }));
    const message = parsed.data;
    if (message.type === "ack") return this.subscribers.acknowledge(ws, message.seq);
    if (this.subscribers.of(ws).subscriber.channel !== "dcl") {
      return this.send(ws, text({ type: "error", detail: "Only /dcl has entity subscriptions" }));
    }
    const entities = message.entities.length === 0 ? null : message.entities;
    this.subscribers.update(ws, { entities });
    this.send(ws, text({ type: "subscribed", entities }));
  }

  override webSocketClose(ws: WebSocket, code: number, reason: string): void {
    this.subscribers.remove(ws);
    // 1005/1006 are reserved and cannot be sent back; anything else completes the closing handshake.
    if (code !== 1005 && code !== 1006) ws.close(code, reason);
  }

  override webSocketError(ws: WebSocket): void {
    this.subscribers.remove(ws);
  }

  /** Every HEARTBEAT_MS while sockets are open: a heartbeat to live clients, a close to idle ones. */
  override async alarm(): Promise<void> {
    this.heartbeat(Date.now());
    if (this.ctx.getWebSockets().length > 0) await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_MS);
  }

  heartbeat(now: number): void {
    const beats = new Map(CHANNELS.map((channel) => [channel, text({ type: "heartbeat", seq: this.buffer.lastSeq(channel) })]));
    for (const [ws, state] of this.subscribers.all()) {
      if (state.closed) continue;
      const lastSeen = Math.max(state.lastSeen, this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0);
      if (now - lastSeen > IDLE_TIMEOUT_MS) {
        state.closed = true;
        ws.close(IDLE_CLOSE_CODE, "idle: no ping or ack received");
      } else {
        this.send(ws, beats.get(state.subscriber.channel)!);
      }
    }
  }

  private replay(ws: WebSocket, connect: Connect): void {
    const state = this.subscribers.add(ws, {
      channel: connect.channel,
      entities: connect.entities === undefined || connect.entities.length === 0 ? null : connect.entities,
      actor: connect.actor,
      lastSeen: Date.now(),
    });
    if (connect.since === undefined) return;
    const { gap, messages } = this.buffer.since(connect.channel, connect.since);
    if (gap !== null) this.send(ws, text({ type: "gap", ...gap }));
    // The replay is bounded by the ring, so it does not count against the live window.
    for (const message of messages) if (wants(state.subscriber, message.entity)) this.send(ws, message.text);
  }

  /** Sends each message (already serialized) to the channel's subscribers; returns the last seq. */
  private fanOut(channel: Channel, messages: BufferedMessage[]): number {
    for (const [ws, state] of this.subscribers.all()) {
      if (state.subscriber.channel !== channel) continue;
      for (const message of messages) {
        if (state.closed) break;
        if (!wants(state.subscriber, message.entity)) continue;
        if (state.outstanding.length >= ACK_WINDOW) {
          this.cutOff(ws, state);
          break;
        }
        this.send(ws, message.text);
        state.outstanding.push(message.seq);
      }
    }
    return messages.at(-1)!.seq;
  }

  private cutOff(ws: WebSocket, state: LiveState): void {
    const reason = `more than ${ACK_WINDOW} messages unacknowledged`;
    this.send(ws, text({ type: "cutoff", reason, last_sent: state.outstanding.at(-1)! }));
    state.closed = true;
    ws.close(CUTOFF_CLOSE_CODE, "slow consumer");
    createLogger({ tenant_feed: this.ctx.id.toString() }, logLevel(this.env.LOG_LEVEL)).warn("live feed client cut off", {
      channel: state.subscriber.channel,
      actor: state.subscriber.actor,
      reason,
    });
  }

  /** A socket that went away between its close and our noticing is not an error for the others. */
  private send(ws: WebSocket, message: string): void {
    try {
      ws.send(message);
    } catch {
      this.subscribers.of(ws).closed = true;
    }
  }

  private async armHeartbeat(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_MS);
  }
}

/** The feed of a tenant. */
export function tenantFeed(env: Pick<Env, "TENANT_FEED">, tenantId: string): DurableObjectStub<TenantFeed> {
  const ns = env.TENANT_FEED as DurableObjectNamespace<TenantFeed>;
  return ns.get(ns.idFromName(tenantId));
}
