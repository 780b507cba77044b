/**
 * One materialization step: canonical events → source record states → view rows. The rows a step writes are a
 * function of the record states alone (never of the order events came in), so incremental steps in any order,
 * redeliveries and a rebuild all end in the same tables.
 *
 * Two writes: the record states first, then (atomically) the cluster assignments and rows. Every record an
 * event touches is recomputed even when the event was a duplicate, so a redelivery after a failure between the
 * two writes still writes the rows.
 */
import { stableJson } from "../../canonical/stable-json";
import { type EntityName, EntityNameSchema } from "../../canonical/names";
import { perEntity } from "../../canonical/per-entity";
import { relinkAccounts } from "../linking/link-accounts";
import { recordKeyOf, viewIdOf } from "./record-key";
import { applyEvents } from "./record-state";
import type { SourceRecord, StoredEvent, ViewCommit, ViewRow, ViewStore } from "./store";
import { accountRow, costRow, recordRow } from "./view-rows";

export interface Materialized {
  events: number;
  /** ids of rows written because they changed (new, updated, re-resolved, tombstoned) */
  changed: Record<EntityName, string[]>;
  /** those rows as written (tombstones have `deleted: true`) */
  rows: ViewCommit["upserts"];
  /** unified account ids that vanished (their cluster merged into another) */
  removed: string[];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** Applies the events to their records' states and saves those that changed; returns every touched record. */
async function foldRecords(store: ViewStore, events: StoredEvent[]): Promise<SourceRecord[]> {
  const byRecord = groupBy(events, (e) => recordKeyOf(e.event.source));
  const previous = new Map((await store.records([...byRecord.keys()])).map((r) => [r.recordKey, r]));
  const touched = [...byRecord].map(([key, recordEvents]) => applyEvents(previous.get(key), recordEvents));
  const changed = touched.filter((r) => {
    const before = previous.get(r.recordKey);
    return before === undefined || stableJson(before) !== stableJson(r);
  });
  if (changed.length > 0) await store.saveRecords(changed, previous);
  return touched;
}

/** Resolves each record's source account id to the unified account of the account record it names. */
async function resolveDependents(store: ViewStore, dependents: SourceRecord[], unifiedOf: Map<string, string>, upserts: ViewCommit["upserts"]): Promise<void> {
  for (const [connectionId, records] of groupBy(dependents, (r) => r.connectionId)) {
    const refs = [...new Set(records.flatMap((r) => (r.sourceAccountId === null ? [] : [r.sourceAccountId])))];
    // several account objects of one connection may share a record id: the smallest record key is the one meant
    const target = new Map<string, SourceRecord>();
    for (const account of await store.accountsByRecordId(connectionId, refs)) {
      const seen = target.get(account.recordId);
      if (seen === undefined || account.recordKey < seen.recordKey) target.set(account.recordId, account);
    }
    for (const record of records) {
      const account = record.sourceAccountId === null ? undefined : target.get(record.sourceAccountId);
      const accountId = account === undefined ? null : (unifiedOf.get(account.recordKey) ?? account.unifiedId);
      const id = await viewIdOf(record.entity, record.recordKey);
      if (record.entity === "opportunity") upserts.opportunity.push(recordRow<"opportunity">(id, record, accountId));
      else upserts.contact.push(recordRow<"contact">(id, record, accountId));
    }
  }
}

export async function materializeEvents(store: ViewStore, events: StoredEvent[]): Promise<Materialized> {
  const touched = await foldRecords(store, events);
  const commit: ViewCommit = { assignments: [], upserts: perEntity(() => []), removals: perEntity(() => []) };

  const { clusters, records } = await relinkAccounts(store, touched.filter((r) => r.entity === "account"));
  const unifiedOf = new Map<string, string>();
  for (const cluster of clusters) {
    const id = await viewIdOf("account", cluster.members[0]!);
    for (const key of cluster.members) unifiedOf.set(key, id);
    commit.upserts.account.push(accountRow(id, cluster, records));
  }
  const oldIds = new Set([...records.values()].flatMap((r) => (r.unifiedId === null ? [] : [r.unifiedId])));
  const newIds = new Set(unifiedOf.values());
  commit.removals.account = [...oldIds].filter((id) => !newIds.has(id)).sort();
  for (const record of records.values()) {
    const unifiedId = unifiedOf.get(record.recordKey)!;
    if (record.unifiedId !== unifiedId) commit.assignments.push({ recordKey: record.recordKey, unifiedId });
  }

  // Opportunities and contacts of this batch, and those naming any account record whose cluster was recomputed.
  const dependents = new Map(touched.filter((r) => r.entity === "opportunity" || r.entity === "contact").map((r) => [r.recordKey, r]));
  for (const [connectionId, accounts] of groupBy([...records.values()], (r) => r.connectionId)) {
    for (const r of await store.referencing(connectionId, [...new Set(accounts.map((a) => a.recordId))])) {
      if (!dependents.has(r.recordKey)) dependents.set(r.recordKey, r);
    }
  }
  await resolveDependents(store, [...dependents.values()], unifiedOf, commit.upserts);
  for (const record of touched.filter((r) => r.entity === "cost")) commit.upserts.cost.push(costRow(await viewIdOf("cost", record.recordKey), record));

  const changed = perEntity<string[]>(() => []);
  for (const entity of EntityNameSchema.options) {
    const rows = commit.upserts[entity] as ViewRow[];
    const stored = new Map((await store.rows(entity, rows.map((r) => r.id))).map((r) => [r.id, stableJson(r)]));
    commit.upserts[entity] = rows.filter((r) => stored.get(r.id) !== stableJson(r)) as never;
    changed[entity] = (commit.upserts[entity] as ViewRow[]).map((r) => r.id).sort();
  }
  await store.commit(commit);
  return { events: events.length, changed, rows: commit.upserts, removed: commit.removals.account };
}
