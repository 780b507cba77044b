/**
 * DCL materializer tests: canonical events appended to the real stream (stream.ts), their seqs delivered to the
 * Worker's CANONICAL_QUEUE consumer, and the tenant's view tables read back (and hashed) straight from D1.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { CanonicalEvent } from "../../workers/canonical/event";
import { appendBatch } from "../../workers/aam/pipeline/stream";
import { d1ViewStore } from "../../workers/dcl/materialize/d1-view-store";
import type { TenantScope } from "../../workers/platform/db";
import { sha256Hex } from "../../workers/platform/crypto";
import { deliver } from "./pipeline";

export const storeOf = (scope: TenantScope) => d1ViewStore(scope);

interface EventOptions {
  connection_id?: string;
  object?: string;
  op?: "upsert" | "delete";
  emitted_at?: string;
}

let eventCounter = 0;

function event(tenantId: string, entity: CanonicalEvent["entity"], recordId: string, data: Record<string, unknown>, options: EventOptions): CanonicalEvent {
  return {
    meta: {
      version: 1,
      tenant_id: tenantId,
      trace_id: "trace-dcl",
      event_id: `evt_${String(++eventCounter).padStart(6, "0")}_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
      emitted_at: options.emitted_at ?? "2026-01-01T00:00:00.000Z",
      mapping_version: "test@1",
      op: options.op ?? "upsert",
    },
    source: { system: "filesource", connection_id: options.connection_id ?? "con_a", object: options.object ?? `${entity}s`, record_id: recordId, cursor: "line:1" },
    entity,
    data: { source_id: recordId, ...data },
  } as CanonicalEvent;
}

const timestamps = { created_at: null, updated_at: null, extras: {} };

export const accountEvent = (tenantId: string, recordId: string, data: Record<string, unknown>, options: EventOptions = {}) =>
  event(
    tenantId,
    "account",
    recordId,
    {
      name: `Account ${recordId}`,
      industry: null,
      annual_revenue: null,
      currency: null,
      employee_count: null,
      website: null,
      phone: null,
      billing_city: null,
      billing_country: null,
      owner: null,
      description: null,
      ...timestamps,
      ...data,
    },
    options,
  );

export const opportunityEvent = (tenantId: string, recordId: string, data: Record<string, unknown>, options: EventOptions = {}) =>
  event(
    tenantId,
    "opportunity",
    recordId,
    {
      account_id: null,
      name: `Deal ${recordId}`,
      stage: null,
      amount: null,
      currency: null,
      close_date: null,
      probability: null,
      status: "open",
      type: null,
      lead_source: null,
      owner: null,
      description: null,
      ...timestamps,
      ...data,
    },
    options,
  );

export const contactEvent = (tenantId: string, recordId: string, data: Record<string, unknown>, options: EventOptions = {}) =>
  event(
    tenantId,
    "contact",
    recordId,
    {
      account_id: null,
      first_name: null,
      last_name: `Person ${recordId}`,
      email: null,
      phone: null,
      mobile_phone: null,
      title: null,
      department: null,
      mailing_city: null,
      mailing_country: null,
      owner: null,
      ...timestamps,
      ...data,
    },
    options,
  );

/** A FOCUS cost line (AWS EC2 usage) of the given record id; `data` overrides its fields. */
export const costEvent = (tenantId: string, recordId: string, data: Record<string, unknown>, options: EventOptions = {}) =>
  event(
    tenantId,
    "cost",
    recordId,
    {
      billed_cost: 2.304,
      effective_cost: 1.6128,
      list_cost: 2.304,
      billing_currency: "USD",
      charge_period_start: "2024-09-14T00:00:00.000Z",
      charge_period_end: "2024-09-15T00:00:00.000Z",
      billing_period_start: "2024-09-01T00:00:00.000Z",
      billing_period_end: "2024-10-01T00:00:00.000Z",
      charge_category: "Usage",
      charge_description: null,
      provider_name: "AWS",
      publisher_name: "AWS",
      service_name: "Amazon Elastic Compute Cloud",
      service_category: "Compute",
      billing_account_id: "123456789012",
      sub_account_id: "210987654321",
      sub_account_name: "acme-prod",
      resource_id: null,
      resource_name: null,
      region_id: "us-east-1",
      sku_id: null,
      consumed_quantity: 24,
      consumed_unit: "Hours",
      tags: null,
      extras: {},
      ...data,
    },
    options,
  );

/** Appends events to the tenant's canonical stream; returns their seqs in the events' order. */
export async function append(scope: TenantScope, events: CanonicalEvent[]): Promise<number[]> {
  const appended = await appendBatch(scope, { runId: `run_${crypto.randomUUID()}`, batchId: "b", events, quarantined: 0, alongside: [] });
  expect(appended.seqs).toHaveLength(events.length);
  return appended.seqs;
}

/** Delivers one CanonicalBatch to the Worker's queue handler and expects it acknowledged. */
export async function materialize(tenantId: string, seqs: number[]) {
  const { result } = await deliver("autonomos-canonical", [{ tenant_id: tenantId, trace_id: "trace-dcl", seqs }]);
  expect(result.explicitAcks).toHaveLength(1);
}

export const VIEW_TABLES = ["materialized_accounts", "materialized_opportunities", "materialized_contacts", "materialized_costs"] as const;

/** A view row as D1 returns it, with its JSON columns parsed. */
type ViewRowJson = Record<string, unknown> & {
  id: string;
  source_id: string;
  account_id?: string | null;
  extras: Record<string, unknown>;
  sources: { connection_id: string; object: string; record_id: string }[];
  lineage: string[];
  link?: { confidence: number; reasons: { rule: string; detail: string; confidence: number }[] } | null;
};

export async function viewRows(table: (typeof VIEW_TABLES)[number], tenantId: string): Promise<ViewRowJson[]> {
  const { results } = await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(tenantId).all<Record<string, unknown>>();
  const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);
  return results.map((row) => ({
    ...row,
    extras: json(row.extras),
    sources: json(row.sources),
    lineage: json(row.lineage),
    ...("link" in row ? { link: json(row.link) } : {}),
  })) as ViewRowJson[];
}

/** SHA-256 over the tenant's view rows exactly as stored (every column, rows by id). */
export async function viewHash(tenantId: string): Promise<string> {
  const tables: unknown[] = [];
  for (const table of VIEW_TABLES) {
    tables.push((await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(tenantId).all()).results);
  }
  return sha256Hex(JSON.stringify(tables));
}
