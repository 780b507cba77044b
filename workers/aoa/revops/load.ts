/**
 * The RevOps input of one tenant from its configured DCL store (DCL_STORE): the opportunity, account and contact
 * views (live rows, read page by page through the query compiler, so tenant-scoped like every view query), and
 * each opportunity's history: every opportunity event of the tenant's canonical stream, grouped by source record.
 */
import type { EntityName } from "../../canonical/names";
import { viewPages } from "../../dcl/export/pages";
import { orderKeyOf } from "../../dcl/materialize/record-state";
import { recordKeyOf } from "../../dcl/materialize/record-key";
import type { ViewName } from "../../dcl/query/catalog";
import { queryRunnerFor } from "../../dcl/query/runner";
import { type StoreEnv, streamStoreFor } from "../../dcl/store/for-env";
import type { TenantScope } from "../../platform/db";
import { type RevOpsInput, RevOpsOpportunitySchema, RevOpsAccountSchema, type Snapshot } from "./input";

const STREAM_PAGE = 1000;

async function liveRows(env: StoreEnv, tenantId: string, view: ViewName): Promise<Record<string, unknown>[]> {
  const runner = queryRunnerFor(env, tenantId);
  const rows: Record<string, unknown>[] = [];
  for await (const page of viewPages(runner, runner.view(view), { includeDeleted: false })) rows.push(...page);
  return rows;
}

/** Snapshots per source record key, from the tenant's events of one entity (deletes carry no state). */
async function snapshotsByRecord(env: StoreEnv, tenantId: string, entity: EntityName): Promise<Map<string, Snapshot[]>> {
  const stream = streamStoreFor(env);
  const byRecord = new Map<string, Snapshot[]>();
  let after: number | undefined;
  for (;;) {
    const page = await stream.readEvents(tenantId, { entity, ...(after === undefined ? {} : { after }) }, STREAM_PAGE);
    for (const stored of page) {
      const { event } = stored;
      if (event.entity !== "opportunity" || event.meta.op !== "upsert") continue;
      const { stage, close_date, amount, probability, status } = event.data;
      const key = recordKeyOf(event.source);
      byRecord.set(key, [...(byRecord.get(key) ?? []), { at: orderKeyOf(stored), stage, close_date, amount, probability, status }]);
    }
    if (page.length < STREAM_PAGE) return byRecord;
    after = page.at(-1)!.seq;
  }
}

export async function loadRevOpsInput(env: StoreEnv, scope: Pick<TenantScope, "tenantId">): Promise<RevOpsInput> {
  const [opportunities, accounts, contacts, history] = await Promise.all([
    liveRows(env, scope.tenantId, "opportunities"),
    liveRows(env, scope.tenantId, "accounts"),
    liveRows(env, scope.tenantId, "contacts"),
    snapshotsByRecord(env, scope.tenantId, "opportunity"),
  ]);
  const contactCounts: Record<string, number> = {};
  for (const contact of contacts) {
    if (typeof contact.account_id === "string") contactCounts[contact.account_id] = (contactCounts[contact.account_id] ?? 0) + 1;
  }
  return {
    opportunities: opportunities.map((row) => {
      // an opportunity row has exactly one source record (only accounts are unified across sources)
      const parsed = RevOpsOpportunitySchema.omit({ history: true }).parse(row);
      const [source] = parsed.sources;
      return { ...parsed, history: source === undefined ? [] : (history.get(recordKeyOf(source)) ?? []) };
    }),
    accounts: accounts.map((row) => RevOpsAccountSchema.parse(row)),
    contact_counts: contactCounts,
  };
}
