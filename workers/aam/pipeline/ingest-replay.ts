/**
 * Replay protection for push ingest, on the tenant's TenantGate: an accepted signature is recorded through the
 * gate's idempotency records (atomic claim, expiry and purge alarm already there), under a key no API request can
 * produce (theirs start with an actor id, `usr_…`/`key_…`). A completed record lives 24 h, far longer than a
 * signature's ±5 minute validity, so a signature is accepted once; a request that fails before its batch is
 * enqueued releases the claim so the sender may retry it.
 */
import type { Env } from "../../env";
import { tenantGate } from "../../../durable-objects/tenant-gate";

const keyOf = (connectionId: string, v1: string) => `ingest:${connectionId}:${v1}`;

/** True for the first request with this signature; false for a replay (or a copy still in flight). */
export async function claimSignature(env: Env, tenantId: string, connectionId: string, v1: string): Promise<boolean> {
  const key = keyOf(connectionId, v1);
  return (await tenantGate(env, tenantId).beginIdempotent(key, key)).state === "started";
}

export async function settleSignature(env: Env, tenantId: string, connectionId: string, v1: string, accepted: boolean): Promise<void> {
  const gate = tenantGate(env, tenantId);
  const key = keyOf(connectionId, v1);
  if (accepted) await gate.completeIdempotent(key, { status: 202, headers: [], body: new ArrayBuffer(0) });
  else await gate.releaseIdempotent(key);
}
