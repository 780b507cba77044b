/**
 * POST /api/v1/bench/publish?changes=K (behind the gateway) with `{"n": <publish number>, "sent_at": <epoch ms>}`:
 * K /dcl changes published to the caller's TenantFeed through `publishMaterialized`, the materializer's hook.
 * Each change's row carries the client's `sent_at` and `committed_at`, the worker's clock when the publish call was
 * made. Workerd's clock only moves at I/O, so it is read after a zero-length timer (clock.ts): a true reading.
 * `publish_ms` is the publish RPC's duration: the TenantFeed's append and fan-out loop (it returns when every
 * socket's send was queued) plus one RPC round trip.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../workers/gateway/context";
import { callerOf } from "../../workers/gateway/middleware/auth/require";
import { publishMaterialized } from "../../workers/dcl/live/events";
import { elapsedMs, epochMs } from "./clock";

export async function benchPublish(c: Context<AppEnv>) {
  const tenantId = callerOf(c).tenantId;
  const changes = Number(c.req.query("changes") ?? 1);
  const { n, sent_at } = (await c.req.json()) as { n: number; sent_at: number };
  const committed_at = await epochMs();
  const publish_ms = await elapsedMs(() => publishMaterialized(
    c.env,
    tenantId,
    "bench-fanout",
    Array.from({ length: changes }, (_, i) => ({
      entity: "account" as const,
      id: `acc_bench_${n}_${i}`,
      op: "upsert" as const,
      last_seq: n,
      row: { n, sent_at, committed_at },
    })),
  ));
  return c.json({ committed_at, publish_ms });
}
