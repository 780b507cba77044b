/**
 * A normalized batch's append to the configured stream store. On D1 (the default) it is stream.ts's one
 * transaction: marker, events and quarantine rows. On Neon the events go to Postgres first, idempotently per
 * (run, batch); then D1 takes the batch's marker and quarantine rows (which stay in D1) in one transaction of their
 * own, as idempotently. A failure between the two is redelivered: Postgres returns the first delivery's seqs and
 * D1 still takes the marker. The counts are Postgres's; whether the run already counted the batch is D1's.
 */
import type { TenantScope } from "../../platform/db";
import { dclStoreOf, type StoreEnv, streamStoreFor } from "../../dcl/store/for-env";
import { type AppendInput, type Appended, appendBatch } from "./stream";

export async function appendToStore(env: StoreEnv, scope: TenantScope, input: AppendInput): Promise<Appended> {
  if (dclStoreOf(env) === "d1") return appendBatch(scope, input);
  const stored = await streamStoreFor(env).appendBatch(scope.tenantId, { runId: input.runId, batchId: input.batchId, events: input.events });
  const marked = await appendBatch(scope, { ...input, events: [] });
  return {
    seqs: stored.seqs,
    counts: { emitted: stored.seqs.length, duplicates: stored.duplicates, quarantined: input.quarantined },
    counted: marked.counted,
  };
}
