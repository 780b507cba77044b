/**
 * WebSocket clients of the live feeds, opened through the real gateway. Every message is parsed with the
 * feed's own schema; `sync()` is an ordering barrier: the runtime answers a ping after everything already sent
 * on the socket, so once the pong arrives the socket holds every message published before the ping.
 */
import { env } from "cloudflare:test";
import type { z } from "@hono/zod-openapi";
import { call } from "./http";
import {
  type DclChange,
  type FlowEvent,
  PING,
  PONG,
  type ServerMessage,
  ServerMessageSchema,
} from "../../workers/dcl/live/messages";
import { publishLive } from "../../workers/dcl/live/publish";
import type { ClientMessageSchema } from "../../workers/dcl/live/messages";
import { type Connect, connectUrl } from "../../workers/dcl/live/connect";
import { tenantFeed } from "../../durable-objects/tenant-feed";

export class FeedClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  private pongs = 0;

  constructor(readonly socket: WebSocket) {
    socket.accept();
    this.closed = new Promise((resolve) => socket.addEventListener("close", (e) => resolve({ code: e.code, reason: e.reason })));
    socket.addEventListener("message", (e) => {
      const data = e.data as string;
      if (data === PONG) this.pongs += 1;
      else this.messages.push(ServerMessageSchema.parse(JSON.parse(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(message: z.input<typeof ClientMessageSchema> | string) {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Resolves once `count` messages have arrived in total (the test times out otherwise). */
  async received(count: number): Promise<ServerMessage[]> {
    while (this.messages.length < count) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.messages;
  }

  async sync(): Promise<ServerMessage[]> {
    const target = this.pongs + 1;
    this.socket.send(PING);
    while (this.pongs < target) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.messages;
  }

  seqs(): number[] {
    return this.messages.flatMap((m) => ("seq" in m && m.type !== "heartbeat" ? [m.seq] : []));
  }
}

export function upgradeHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { upgrade: "websocket", ...extra };
}

/** Opens a feed; throws with the problem if the upgrade is refused. */
export async function openFeed(path: string, headers: Record<string, string>): Promise<{ res: Response; client: FeedClient }> {
  const res = await call(path, { headers: upgradeHeaders(headers) });
  if (res.status !== 101 || res.webSocket === null) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  return { res, client: new FeedClient(res.webSocket) };
}

export const change = (id: string, entity: DclChange["entity"] = "account", last_seq = 1): DclChange => ({
  entity,
  id,
  op: "upsert",
  last_seq,
  row: { id, name: `Name ${id}` },
});

export const mapped = (n: number): FlowEvent => ({
  stage: "mapped",
  run_id: `run_${n}`,
  connection_id: "con_test",
  object: "accounts",
  trace_id: `trace-${n}`,
  at: new Date(0).toISOString(),
  counts: { emitted: n, duplicates: 0 },
});

export const publish = (tenantId: string, batch: Parameters<typeof publishLive>[2]) => publishLive(env, tenantId, batch);

/** A socket straight on a tenant's TenantFeed, as the gateway would hand it over (the DO tests skip the gateway). */
export async function connectFeed(tenantId: string, connect: Omit<Connect, "actor">): Promise<FeedClient> {
  const res = await tenantFeed(env, tenantId).fetch(
    new Request(connectUrl({ ...connect, actor: "usr_test" }), { headers: { Upgrade: "websocket" } }),
  );
  if (res.webSocket === null) throw new Error(`upgrade refused: ${res.status}`);
  return new FeedClient(res.webSocket);
}

export const newTenant = () => `ten_${crypto.randomUUID().replaceAll("-", "")}`;
