/**
 * The ViewStore on D1, every statement scoped by `forTenant`. Sets of keys are one JSON parameter (`inJson`), so
 * each read is one statement; writes are set-based (`scope.sets`: one statement per table and ~0.5 MB of rows)
 * and what must land together goes in one D1 batch (a transaction).
 */
import { asc, count, eq, gt, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CanonicalEvent } from "../../canonical/event";
import { type EntityName, EntityNameSchema } from "../../canonical/names";
import { perEntityAsync } from "../../canonical/per-entity";
import { type TenantScope, schema } from "../../platform/db";
import { inJson } from "../../platform/db/json-sets";
import type { SourceRecord, StoredEvent, ViewCommit, ViewRow, ViewStore } from "./store";

const { canonicalEvents, dclRecords, dclLinkKeys, materializedAccounts, materializedOpportunities, materializedContacts, materializedCosts } = schema;

export const VIEW_TABLES = {
  account: materializedAccounts,
  opportunity: materializedOpportunities,
  contact: materializedContacts,
  cost: materializedCosts,
} as const;

const CHUNK = 90;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Runs `query` per chunk of `values` and concatenates the results. */
export async function inChunks<T, R>(values: T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of chunks([...new Set(values)])) results.push(...(await query(chunk)));
  return results;
}

const toStored = (row: { seq: number; event: Record<string, unknown> }): StoredEvent => ({ seq: row.seq, event: row.event as CanonicalEvent });

function withoutTenant<T extends { tenantId: string }>(row: T): Omit<T, "tenantId"> {
  const { tenantId: _tenant, ...rest } = row;
  return rest;
}

export function d1ViewStore(scope: TenantScope): ViewStore {
  const { db, tenantId, sets } = scope;
  const selectRecords = (...conditions: SQL[]) =>
    db
      .select()
      .from(dclRecords)
      .where(scope.where(dclRecords, ...conditions))
      .then((rows) => rows.map(withoutTenant));
  const run = async (statements: BatchItem<"sqlite">[]) => {
    if (statements.length > 0) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  };

  return {
    tenantId,
    eventsAt: (seqs) =>
      db
        .select({ seq: canonicalEvents.seq, event: canonicalEvents.event })
        .from(canonicalEvents)
        .where(scope.where(canonicalEvents, inJson(canonicalEvents.seq, seqs)))
        .orderBy(asc(canonicalEvents.seq))
        .then((rows) => rows.map(toStored)),
    eventsAfter: async (seq, limit) =>
      (
        await db
          .select({ seq: canonicalEvents.seq, event: canonicalEvents.event })
          .from(canonicalEvents)
          .where(scope.where(canonicalEvents, gt(canonicalEvents.seq, seq)))
          .orderBy(asc(canonicalEvents.seq))
          .limit(limit)
      ).map(toStored),
    records: (keys) => selectRecords(inJson(dclRecords.recordKey, keys)),
    saveRecords: async (records, previous) => {
      const dropped: { linkKey: string; recordKey: string }[] = [];
      const added: { linkKey: string; recordKey: string }[] = [];
      for (const record of records) {
        const before = new Set(previous.get(record.recordKey)?.linkKeys ?? []);
        const after = new Set(record.linkKeys);
        for (const linkKey of before) if (!after.has(linkKey)) dropped.push({ linkKey, recordKey: record.recordKey });
        for (const linkKey of after) if (!before.has(linkKey)) added.push({ linkKey, recordKey: record.recordKey });
      }
      await sets.run([
        ...sets.upsert(dclRecords, records),
        ...(dropped.length > 0 ? sets.delete(dclLinkKeys, ["linkKey", "recordKey"], dropped) : []),
        ...sets.upsert(dclLinkKeys, added),
      ]);
    },
    accountsWithLinkKeys: (linkKeys) =>
      selectRecords(
        inArray(
          dclRecords.recordKey,
          db
            .select({ recordKey: dclLinkKeys.recordKey })
            .from(dclLinkKeys)
            .where(scope.where(dclLinkKeys, inJson(dclLinkKeys.linkKey, linkKeys))),
        ),
      ),
    accountsInClusters: (ids) => selectRecords(eq(dclRecords.entity, "account"), inJson(dclRecords.unifiedId, ids)),
    accountsByRecordId: (connectionId, recordIds) =>
      selectRecords(eq(dclRecords.entity, "account"), eq(dclRecords.connectionId, connectionId), inJson(dclRecords.recordId, recordIds)),
    referencing: (connectionId, accountRecordIds) =>
      selectRecords(
        eq(dclRecords.connectionId, connectionId),
        isNotNull(dclRecords.sourceAccountId),
        inJson(dclRecords.sourceAccountId, accountRecordIds),
        or(eq(dclRecords.entity, "opportunity"), eq(dclRecords.entity, "contact")) as SQL,
      ),
    recordsOf: (entities) => selectRecords(inArray(dclRecords.entity, entities)),
    rows: <E extends EntityName>(entity: E, ids: string[]): Promise<ViewRow<E>[]> => {
      const table = VIEW_TABLES[entity];
      return db
        .select()
        .from(table)
        .where(scope.where(table, inJson(table.id, ids)))
        .then((rows) => rows.map((row) => withoutTenant(row) as unknown as ViewRow<E>));
    },
    commit: async (commit: ViewCommit) => {
      const statements = [...sets.update(dclRecords, ["recordKey"], ["unifiedId"], commit.assignments)];
      for (const entity of EntityNameSchema.options) {
        const removals = commit.removals[entity].map((id) => ({ id }));
        if (removals.length > 0) statements.push(...sets.delete(VIEW_TABLES[entity], ["id"], removals));
        statements.push(...sets.upsert(VIEW_TABLES[entity] as typeof materializedAccounts, commit.upserts[entity] as ViewRow<"account">[]));
      }
      await sets.run(statements);
    },
    countRows: () =>
      perEntityAsync(async (entity) => {
        const table = VIEW_TABLES[entity];
        const [row] = await db.select({ n: count() }).from(table).where(scope.where(table));
        return row?.n ?? 0;
      }),
    clear: async () => {
      await run([dclLinkKeys, dclRecords, ...Object.values(VIEW_TABLES)].map((table) => db.delete(table).where(scope.where(table))));
    },
  };
}
