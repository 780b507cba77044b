/**
 * The live feeds' wire format, one zod schema per message; types come from z.infer.
 *   channel `dcl`        canonical changes: a materialized row was upserted or tombstoned
 *   channel `live-flow`  pipeline events: received, mapped, quarantined, drift, materialized
 * What producers publish is a payload; the TenantFeed stamps each with the channel's next `seq` (per tenant, per
 * channel, gapless, persisted) and sends it as `{type: "change" | "flow", seq, ...payload}`. Control messages
 * (gap, cutoff, heartbeat, subscribed, error) share the `type` discriminator.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../canonical/names";

export const ChannelSchema = z.enum(["dcl", "live-flow"]);
export type Channel = z.infer<typeof ChannelSchema>;
export const CHANNELS: readonly Channel[] = ChannelSchema.options;

const Seq = z.number().int().nonnegative();

/** One materialized row changed (channel `dcl`). */
export const DclChangeSchema = z.object({
  entity: EntityNameSchema,
  id: z.string().min(1),
  op: z.enum(["upsert", "delete"]),
  /** the canonical stream position the row now reflects */
  last_seq: Seq,
  trace_id: z.string().optional(),
  /** the row as materialized, canonical field names; absent for tombstones */
  row: z.record(z.string(), z.unknown()).optional(),
});
export type DclChange = z.infer<typeof DclChangeSchema>;

const Run = { run_id: z.string().min(1), connection_id: z.string().min(1), object: z.string().min(1) };
const Common = { trace_id: z.string().min(1), at: z.string() };
const Count = z.number().int().nonnegative();

/** One pipeline step happened (channel `live-flow`). */
export const FlowEventSchema = z.discriminatedUnion("stage", [
  z.object({ stage: z.literal("received"), ...Run, ...Common, counts: z.object({ records: Count, rejects: Count }) }),
  z.object({ stage: z.literal("mapped"), ...Run, ...Common, counts: z.object({ emitted: Count, duplicates: Count }) }),
  z.object({ stage: z.literal("quarantined"), ...Run, ...Common, counts: z.object({ quarantined: Count }) }),
  z.object({
    stage: z.literal("drift"),
    ...Run,
    ...Common,
    counts: z.object({ added: Count, removed: Count, changed: Count }),
    fields: z.array(z.string()),
  }),
  z.object({
    stage: z.literal("materialized"),
    ...Common,
    entity: EntityNameSchema,
    counts: z.object({ upserted: Count, deleted: Count }),
    last_seq: Seq,
  }),
  // the agents plane (AOA): a pilot's run ended; an action changed status
  z.object({
    stage: z.literal("agent"),
    ...Common,
    agent: z.string().min(1),
    run_id: z.string().min(1),
    status: z.enum(["succeeded", "failed"]),
    counts: z.object({ findings: Count, actions: Count }),
  }),
  z.object({
    stage: z.literal("action"),
    ...Common,
    action_id: z.string().min(1),
    action_type: z.string().min(1),
    status: z.string().min(1),
  }),
]);
export type FlowEvent = z.infer<typeof FlowEventSchema>;

/** What a publisher hands the feed, per channel; one RPC can carry both channels. */
export const PublishBatchSchema = z.object({
  dcl: z.array(DclChangeSchema).optional(),
  "live-flow": z.array(FlowEventSchema).optional(),
});
export type PublishBatch = z.infer<typeof PublishBatchSchema>;

/** Server → client (a union, not a discriminated one: a flow message is itself discriminated by `stage`). */
export const ServerMessageSchema = z.union([
  DclChangeSchema.extend({ type: z.literal("change"), seq: Seq }),
  z.object({ type: z.literal("flow"), seq: Seq }).and(FlowEventSchema),
  /** messages from..to (inclusive) fell out of the buffer before this client asked for them */
  z.object({ type: z.literal("gap"), from: Seq, to: Seq }),
  /** the client fell too far behind; the socket closes with CUTOFF_CLOSE_CODE right after. last_sent: the last seq
   *  it was sent; reconnect with `since` = the last seq actually processed. */
  z.object({ type: z.literal("cutoff"), reason: z.string(), last_sent: Seq }),
  /** the channel's latest seq, every HEARTBEAT_MS */
  z.object({ type: z.literal("heartbeat"), seq: Seq }),
  z.object({ type: z.literal("subscribed"), entities: z.array(EntityNameSchema).nullable() }),
  z.object({ type: z.literal("error"), detail: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** Client → server. `{"type":"ping"}` is answered with `{"type":"pong"}` by the runtime, without waking the object. */
export const ClientMessageSchema = z.discriminatedUnion("type", [
  /** /dcl only: replace the entity filter (an empty list means every entity) */
  z.object({ type: z.literal("subscribe"), entities: z.array(EntityNameSchema).max(EntityNameSchema.options.length) }),
  /** everything up to and including seq was processed: reopens the client's window */
  z.object({ type: z.literal("ack"), seq: Seq }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const PING = JSON.stringify({ type: "ping" });
export const PONG = JSON.stringify({ type: "pong" });
