/**
 * Source record states → view rows, pure and deterministic (JSON keys sorted), so incremental materialization
 * and a rebuild write byte-identical rows.
 *
 * Unified accounts take each field from their sources by survivorship: live sources only (every source when all
 * are deleted, which makes the row a tombstone), most recently updated first (the record's winning rank), the
 * first non-null value per field; `annual_revenue` and `currency` travel together from the same record, so an
 * amount never gets another source's currency; `created_at` is the earliest, `updated_at` the latest; `extras`
 * merge, the more recent source's value winning a shared key; `source_id` is the primary (smallest-key) record's.
 */
import type { ViewSource } from "../../platform/db/schema";
import type { Cluster } from "../linking/cluster";
import { compareText } from "./record-key";
import { compareRank } from "./record-state";
import type { SourceRecord, ViewRow } from "./store";

/**
 * A JSON copy with object keys sorted at every depth. Object.fromEntries (not assignment) keeps a source key
 * named "__proto__" as data.
 */
const sortedJson = <T>(value: T): T =>
  JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b))) : v,
    ),
  ) as T;

const viewSource = (r: SourceRecord): ViewSource => ({ system: r.system, connection_id: r.connectionId, object: r.object, record_id: r.recordId });

/** Lineage of several records: their events' ids, oldest first. */
function lineageOf(records: SourceRecord[]): string[] {
  return records
    .flatMap((r) => r.lineage)
    .sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]))
    .map(([, id]) => id);
}

/** A row of one source record: its winning data as is, with the view's bookkeeping around it. */
function singleRecordRow(id: string, record: SourceRecord): Record<string, unknown> {
  const { extras, source_id, ...fields } = record.data as Record<string, unknown> & { extras: Record<string, unknown>; source_id: string };
  return {
    ...sortedJson(fields),
    id,
    source_id,
    extras: sortedJson(extras),
    sources: [viewSource(record)],
    lineage: lineageOf([record]),
    deleted: record.op === "delete",
    lastSeq: record.lastSeq,
  };
}

/** An opportunity's or contact's row: its record's winning data, with its account resolved to `accountId`. */
export function recordRow<E extends "opportunity" | "contact">(id: string, record: SourceRecord, accountId: string | null): ViewRow<E> {
  const { account_id, ...row } = singleRecordRow(id, record);
  return { ...row, account_id: accountId, source_account_id: account_id } as ViewRow<E>;
}

/** A cost's row: its record's winning data, nothing to resolve (its accounts are the provider's, kept as data). */
export function costRow(id: string, record: SourceRecord): ViewRow<"cost"> {
  return singleRecordRow(id, record) as ViewRow<"cost">;
}

const ACCOUNT_FIELDS = ["name", "industry", "employee_count", "website", "phone", "billing_city", "billing_country", "owner", "description"] as const;

function firstNonNull(records: SourceRecord[], field: string): unknown {
  for (const r of records) if (r.data[field] !== null && r.data[field] !== undefined) return r.data[field];
  return null;
}

function extremeOf(records: SourceRecord[], field: "created_at" | "updated_at", pick: "min" | "max"): string | null {
  const values = records.map((r) => r.data[field]).filter((v): v is string => typeof v === "string").sort(compareText);
  return (pick === "min" ? values[0] : values.at(-1)) ?? null;
}

/** A unified account's row from its cluster's records (keyed by record key). */
export function accountRow(id: string, cluster: Cluster, recordsByKey: Map<string, SourceRecord>): ViewRow<"account"> {
  const members = cluster.members.map((key) => recordsByKey.get(key)!);
  const live = members.filter((r) => r.op === "upsert");
  const newestFirst = (live.length > 0 ? live : members).sort((a, b) => compareRank(b, a));
  const money = newestFirst.find((r) => r.data.annual_revenue !== null);
  // oldest first into a Map, so the most recent value of a key is the one kept
  const extras = Object.fromEntries(new Map([...newestFirst].reverse().flatMap((r) => Object.entries(r.data.extras as Record<string, unknown>))));
  const fields = Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, firstNonNull(newestFirst, field)]));
  return sortedJson({
    ...fields,
    annual_revenue: money === undefined ? null : money.data.annual_revenue,
    currency: money === undefined ? firstNonNull(newestFirst, "currency") : money.data.currency,
    created_at: extremeOf(newestFirst, "created_at", "min"),
    updated_at: extremeOf(newestFirst, "updated_at", "max"),
    id,
    source_id: members[0]!.recordId,
    extras,
    sources: members.map(viewSource),
    lineage: lineageOf(members),
    deleted: live.length === 0,
    lastSeq: Math.max(...members.map((r) => r.lastSeq)),
    link: cluster.link,
  }) as ViewRow<"account">;
}
