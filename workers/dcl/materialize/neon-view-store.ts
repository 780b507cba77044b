/**
 * The ViewStore on Postgres (DCL_STORE = "neon"), every statement scoped by `forPgTenant`. Postgres binds up to
 * 65,535 parameters, so IN lists need no chunking; writes that must land together go in one transaction. Events are
 * read through the Neon stream store's own reader.
 */
import { count, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import { type EntityName, EntityNameSchema } from "../../canonical/names";
import { perEntityAsync } from "../../canonical/per-entity";
import { type PgDb, pgSchema } from "../../platform/db/pg";
import { forPgTenant, type PgTenantScope } from "../../platform/db/pg-scope";
import { readEvents } from "../store/neon-stream-store";
import type { SourceRecord, ViewCommit, ViewRow, ViewStore } from "./store";

const { dclRecords, dclLinkKeys, materializedAccounts, materializedOpportunities, materializedContacts, materializedCosts } = pgSchema;

export const VIEW_TABLES = {
  account: materializedAccounts,
  opportunity: materializedOpportunities,
  contact: materializedContacts,
  cost: materializedCosts,
} as const;

function withoutTenant<T extends { tenantId: string }>(row: T): Omit<T, "tenantId"> {
  const { tenantId: _tenant, ...rest } = row;
  return rest;
}

/** Runs `work` in one transaction, scoped to the same tenant. */
const inTransaction = (scope: PgTenantScope, work: (tx: PgTenantScope) => Promise<void>) =>
  scope.db.transaction((tx) => work(forPgTenant(tx as unknown as PgDb, scope.tenantId)));

export function neonViewStore(scope: PgTenantScope): ViewStore {
  const { db, tenantId } = scope;
  const selectRecords = (...conditions: SQL[]): Promise<SourceRecord[]> =>
    db
      .select()
      .from(dclRecords)
      .where(scope.where(dclRecords, ...conditions))
      .then((rows) => rows.map(withoutTenant));

  return {
    tenantId,
    eventsAt: (seqs) => readEvents(scope, { seqs }, seqs.length),
    eventsAfter: (seq, limit) => readEvents(scope, { after: seq }, limit),
    records: (keys) => selectRecords(inArray(dclRecords.recordKey, keys)),
    saveRecords: (records, previous) =>
      inTransaction(scope, async (tx) => {
        for (const record of records) {
          const { recordKey: _key, ...set } = record;
          await tx.db
            .insert(dclRecords)
            .values(tx.owned([record]))
            .onConflictDoUpdate({ target: [dclRecords.tenantId, dclRecords.recordKey], set });
          const before = new Set(previous.get(record.recordKey)?.linkKeys ?? []);
          const after = new Set(record.linkKeys);
          const dropped = [...before].filter((k) => !after.has(k));
          const added = [...after].filter((k) => !before.has(k));
          if (dropped.length > 0) {
            await tx.db.delete(dclLinkKeys).where(tx.where(dclLinkKeys, eq(dclLinkKeys.recordKey, record.recordKey), inArray(dclLinkKeys.linkKey, dropped)));
          }
          if (added.length > 0) {
            await tx.db
              .insert(dclLinkKeys)
              .values(tx.owned(added.map((linkKey) => ({ linkKey, recordKey: record.recordKey }))))
              .onConflictDoNothing();
          }
        }
      }),
    accountsWithLinkKeys: async (linkKeys) => {
      const keys = await db
        .selectDistinct({ recordKey: dclLinkKeys.recordKey })
        .from(dclLinkKeys)
        .where(scope.where(dclLinkKeys, inArray(dclLinkKeys.linkKey, linkKeys)));
      return selectRecords(inArray(dclRecords.recordKey, keys.map((k) => k.recordKey)));
    },
    accountsInClusters: (ids) => selectRecords(eq(dclRecords.entity, "account"), inArray(dclRecords.unifiedId, ids)),
    accountsByRecordId: (connectionId, recordIds) =>
      selectRecords(eq(dclRecords.entity, "account"), eq(dclRecords.connectionId, connectionId), inArray(dclRecords.recordId, recordIds)),
    referencing: (connectionId, accountRecordIds) =>
      selectRecords(
        eq(dclRecords.connectionId, connectionId),
        isNotNull(dclRecords.sourceAccountId),
        inArray(dclRecords.sourceAccountId, accountRecordIds),
        or(eq(dclRecords.entity, "opportunity"), eq(dclRecords.entity, "contact")) as SQL,
      ),
    recordsOf: (entities) => selectRecords(inArray(dclRecords.entity, entities)),
    rows: async <E extends EntityName>(entity: E, ids: string[]): Promise<ViewRow<E>[]> => {
      const table = VIEW_TABLES[entity];
      // one of three tables: drizzle cannot type a select over the union, the rows are the entity's by construction
      const rows = (await db.select().from(table as typeof materializedAccounts).where(scope.where(table, inArray(table.id, ids)))) as { tenantId: string }[];
      return rows.map((row) => withoutTenant(row) as unknown as ViewRow<E>);
    },
    commit: (commit: ViewCommit) =>
      inTransaction(scope, async (tx) => {
        for (const { recordKey, unifiedId } of commit.assignments) {
          await tx.db.update(dclRecords).set({ unifiedId }).where(tx.where(dclRecords, eq(dclRecords.recordKey, recordKey)));
        }
        for (const entity of EntityNameSchema.options) {
          const table = VIEW_TABLES[entity];
          if (commit.removals[entity].length > 0) await tx.db.delete(table).where(tx.where(table, inArray(table.id, commit.removals[entity])));
          for (const row of commit.upserts[entity] as ViewRow[]) {
            const { id: _id, ...set } = row;
            await tx.db
              .insert(table)
              .values(tx.owned([row]) as never)
              .onConflictDoUpdate({ target: [table.tenantId, table.id], set: set as never });
          }
        }
      }),
    countRows: () =>
      perEntityAsync(async (entity) => {
        const table = VIEW_TABLES[entity];
        const [row] = await db.select({ n: count() }).from(table).where(scope.where(table));
        return row?.n ?? 0;
      }),
    clear: () =>
      inTransaction(scope, async (tx) => {
        for (const table of [dclLinkKeys, dclRecords, ...Object.values(VIEW_TABLES)]) await tx.db.delete(table).where(tx.where(table));
      }),
  };
}
