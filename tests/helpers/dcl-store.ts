/**
 * The DCL through whichever store an env selects (D1 or Neon), for the contract suites: events appended with the
 * stream store port, CanonicalBatches delivered to the Worker's queue handler under that env, and the views read
 * back whole (every column, tombstones included, in id order) through the export pages of the store's runner.
 */
import { expect } from "vitest";
import type { CanonicalEvent } from "../../workers/canonical/event";
import { type EntityName, EntityNameSchema } from "../../workers/canonical/names";
import type { Env } from "../../workers/env";
import { viewPages } from "../../workers/dcl/export/pages";
import { queryRunnerFor } from "../../workers/dcl/query/runner";
import { VIEW_OF } from "../../workers/dcl/catalog/entities";
import { streamStoreFor } from "../../workers/dcl/store/for-env";
import { deliver } from "./pipeline";

export interface DclStoreUnderTest {
  /** the Worker's bindings selecting the store */
  env: Env;
}

/** Appends events as one batch; returns their seqs in the events' order. */
export async function appendTo(storeEnv: Env, tenantId: string, events: CanonicalEvent[]): Promise<number[]> {
  const appended = await streamStoreFor(storeEnv).appendBatch(tenantId, { runId: `run_${crypto.randomUUID()}`, batchId: "b", events });
  expect(appended.seqs).toHaveLength(events.length);
  return appended.seqs;
}

/** Delivers one CanonicalBatch under the env; returns whether it was acknowledged (else retried). */
export async function materializeIn(storeEnv: Env, tenantId: string, seqs: number[]): Promise<boolean> {
  const { result } = await deliver("autonomos-canonical", [{ tenant_id: tenantId, trace_id: "trace-dcl", seqs }], 1, storeEnv);
  return result.explicitAcks.length === 1;
}


export async function viewRowsIn(storeEnv: Env, tenantId: string, entity: EntityName): Promise<Record<string, unknown>[]> {
  const runner = queryRunnerFor(storeEnv, tenantId);
  const rows: Record<string, unknown>[] = [];
  for await (const page of viewPages(runner, runner.view(VIEW_OF[entity]), { includeDeleted: true })) rows.push(...page);
  return rows;
}

/** Every view row of the tenant, every column, as one text (equal text, equal tables). */
export async function viewsText(storeEnv: Env, tenantId: string): Promise<string> {
  const tables = [];
  for (const entity of EntityNameSchema.options) tables.push(await viewRowsIn(storeEnv, tenantId, entity));
  return JSON.stringify(tables);
}
