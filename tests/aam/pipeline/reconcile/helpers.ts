/** Shared by the id reconciliation tests: a tenant's Supabase connection to the `labels` table, and its stream seeded. */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { CanonicalEvent } from "../../../../workers/canonical/event";
import { eventId } from "../../../../workers/canonical/event-id";
import { streamStoreFor } from "../../../../workers/dcl/store/for-env";
import { tombstoneData } from "../../../../workers/aam/pipeline/tombstone-data";
import type { RawBatch } from "../../../../workers/aam/pipeline/messages";
import { bearer, type SignedUp } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { project } from "../../connectors/supabase/helpers";

export const labelsConnection = (owner: SignedUp) =>
  createConnection(owner.accessToken, {
    system: "supabase",
    name: `supabase-${crypto.randomUUID()}`,
    config: { url: project.url, tables: ["labels"] },
    secrets: { api_key: project.service_role_key },
  });

/** Upsert events of `labels` records in the tenant's stream, as a sync would have left them. */
export async function seedLabels(tenantId: string, connectionId: string, ids: string[]): Promise<void> {
  const events = await Promise.all(
    ids.map(async (id): Promise<CanonicalEvent> => ({
      meta: {
        version: 1,
        tenant_id: tenantId,
        trace_id: "trace-seed",
        event_id: await eventId({ tenant_id: tenantId, connection_id: connectionId, object: "labels", record_id: id, op: "upsert", record: { id }, cursor: id }),
        emitted_at: "2026-01-01T00:00:00.000Z",
        mapping_version: "supabase/labels@1#seed",
        op: "upsert",
      },
      source: { system: "supabase", connection_id: connectionId, object: "labels", record_id: id, cursor: id },
      entity: "account",
      data: { ...tombstoneData("account", id), name: `label ${id}` },
    })),
  );
  for (let i = 0; i < events.length; i += 500) {
    await streamStoreFor(env).appendBatch(tenantId, { runId: "run_seed", batchId: `seed-${connectionId}-${i}`, events: events.slice(i, i + 500) });
  }
}

/** POST …/reconcile as the owner (with `body`, e.g. `{force: true}`, when given); the run ids it queued. */
export async function reconcile(owner: SignedUp, connectionId: string, body?: Record<string, unknown>): Promise<string[]> {
  const res = await call(`${CONNECTIONS}/${connectionId}/reconcile`, { method: "POST", headers: bearer(owner.accessToken), body });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { run_ids: string[] }).run_ids;
}

/**
 * The record ids sent for deletion in these raw batches, each checked to be a bare `op: "delete"` (`labels` has no
 * mapping, so there is no id path to fill: the record_id is the id).
 */
export function deletedIds(batches: RawBatch[]): string[] {
  return batches
    .flatMap((batch) => batch.records)
    .map((record) => {
      expect(record).toEqual({ record_id: record.record_id, op: "delete", data: {}, cursor: expect.stringMatching(/^reconcile:evt_[0-9a-f]{32}$/) });
      return record.record_id;
    })
    .sort();
}
