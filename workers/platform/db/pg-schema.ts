/**
 * The Postgres (Neon) schema, drizzle pg-core: the canonical stream, the DCL views and the materializer's state
 * when `DCL_STORE = "neon"`. It mirrors schema.ts column for column (jsonb for JSON, double precision for reals,
 * boolean flags, bigint seqs); tenants, runs and quarantine stay in D1, so `tenant_id` here has no foreign key.
 * Migrations in migrations/pg are generated from it with `npm run db:generate:pg` and applied with
 * `npm run db:migrate:pg`.
 */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CanonicalEvent } from "../../canonical/event";
import type { ChargeCategory } from "../../canonical/cost";
import type { EntityName, SourceSystem } from "../../canonical/names";
import type { ViewSource } from "./schema";

const tenantId = () => text("tenant_id").notNull();
/** stream positions: bigint in Postgres, numbers in JS (2^53 events are out of reach) */
const seq = (name: string) => bigint(name, { mode: "number" });

/**
 * The append-only canonical stream (schema.ts canonicalEvents). Event ids are unique per tenant: they are derived
 * from the tenant among other things, and the tenant in the key means one tenant's events can never shadow another's.
 */
export const canonicalEvents = pgTable(
  "canonical_events",
  {
    seq: seq("seq").primaryKey().generatedAlwaysAsIdentity(),
    eventId: text("event_id").notNull(),
    tenantId: tenantId(),
    connectionId: text("connection_id").notNull(),
    runId: text("run_id"),
    system: text("system").$type<SourceSystem>().notNull(),
    object: text("object").notNull(),
    recordId: text("record_id").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    mappingVersion: text("mapping_version").notNull(),
    traceId: text("trace_id").notNull(),
    emittedAt: text("emitted_at").notNull(),
    event: jsonb("event").$type<CanonicalEvent>().notNull(),
  },
  (t) => [
    uniqueIndex("canonical_events_tenant_event_id_unique").on(t.tenantId, t.eventId),
    index("canonical_events_tenant_seq_idx").on(t.tenantId, t.seq),
    index("canonical_events_tenant_entity_seq_idx").on(t.tenantId, t.entity, t.seq),
    // id reconciliation's "which records of this object are live": keyset by record id, latest event per record (op covered)
    index("canonical_events_tenant_record_idx").on(t.tenantId, t.connectionId, t.object, t.recordId, t.seq, t.op),
  ],
);

/**
 * One row per (run, batch) appended, inserted first in the batch's transaction: a redelivery conflicts on it and
 * reads the first delivery's outcome back instead. Postgres commits concurrent transactions, so a batch's seqs are
 * not a contiguous range as in D1 (normalized_batches.after_seq/through_seq): the marker lists them.
 */
export const normalizedBatches = pgTable(
  "normalized_batches",
  {
    tenantId: tenantId(),
    runId: text("run_id").notNull(),
    batchId: text("batch_id").notNull(),
    /** stream positions of the events the batch added, ascending */
    seqs: seq("seqs").array().notNull(),
    /** events of the batch (new + duplicates) */
    valid: integer("valid").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.runId, t.batchId] })],
);

/** The DCL views (schema.ts materializedAccounts/Opportunities/Contacts/Costs), the same columns in Postgres types. */
const viewRowColumns = () => ({
  tenantId: tenantId(),
  id: text("id").notNull(),
  source_id: text("source_id").notNull(),
  extras: jsonb("extras").$type<Record<string, unknown>>().notNull(),
  sources: jsonb("sources").$type<ViewSource[]>().notNull(),
  lineage: jsonb("lineage").$type<string[]>().notNull(),
  deleted: boolean("deleted").notNull().default(false),
  lastSeq: seq("last_seq").notNull(),
});

export const materializedAccounts = pgTable(
  "materialized_accounts",
  {
    ...viewRowColumns(),
    name: text("name").notNull(),
    industry: text("industry"),
    annual_revenue: doublePrecision("annual_revenue"),
    currency: text("currency"),
    employee_count: integer("employee_count"),
    website: text("website"),
    phone: text("phone"),
    billing_city: text("billing_city"),
    billing_country: text("billing_country"),
    owner: text("owner"),
    description: text("description"),
    created_at: text("created_at"),
    updated_at: text("updated_at"),
    link: jsonb("link").$type<{ confidence: number; reasons: unknown[] }>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("materialized_accounts_tenant_name_idx").on(t.tenantId, t.name)],
);

export const materializedOpportunities = pgTable(
  "materialized_opportunities",
  {
    ...viewRowColumns(),
    account_id: text("account_id"),
    source_account_id: text("source_account_id"),
    name: text("name").notNull(),
    stage: text("stage"),
    amount: doublePrecision("amount"),
    currency: text("currency"),
    close_date: text("close_date"),
    probability: doublePrecision("probability"),
    status: text("status", { enum: ["open", "won", "lost"] }),
    type: text("type"),
    lead_source: text("lead_source"),
    owner: text("owner"),
    description: text("description"),
    created_at: text("created_at"),
    updated_at: text("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("materialized_opportunities_tenant_account_idx").on(t.tenantId, t.account_id)],
);

export const materializedContacts = pgTable(
  "materialized_contacts",
  {
    ...viewRowColumns(),
    account_id: text("account_id"),
    source_account_id: text("source_account_id"),
    first_name: text("first_name"),
    last_name: text("last_name"),
    email: text("email"),
    phone: text("phone"),
    mobile_phone: text("mobile_phone"),
    title: text("title"),
    department: text("department"),
    mailing_city: text("mailing_city"),
    mailing_country: text("mailing_country"),
    owner: text("owner"),
    created_at: text("created_at"),
    updated_at: text("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("materialized_contacts_tenant_account_idx").on(t.tenantId, t.account_id)],
);

/** Cost lines (schema.ts materializedCosts). */
export const materializedCosts = pgTable(
  "materialized_costs",
  {
    ...viewRowColumns(),
    billed_cost: doublePrecision("billed_cost").notNull(),
    effective_cost: doublePrecision("effective_cost"),
    list_cost: doublePrecision("list_cost"),
    billing_currency: text("billing_currency").notNull(),
    charge_period_start: text("charge_period_start").notNull(),
    charge_period_end: text("charge_period_end").notNull(),
    billing_period_start: text("billing_period_start"),
    billing_period_end: text("billing_period_end"),
    charge_category: text("charge_category").$type<ChargeCategory>(),
    charge_description: text("charge_description"),
    provider_name: text("provider_name"),
    publisher_name: text("publisher_name"),
    service_name: text("service_name"),
    service_category: text("service_category"),
    billing_account_id: text("billing_account_id"),
    sub_account_id: text("sub_account_id"),
    sub_account_name: text("sub_account_name"),
    resource_id: text("resource_id"),
    resource_name: text("resource_name"),
    region_id: text("region_id"),
    sku_id: text("sku_id"),
    consumed_quantity: doublePrecision("consumed_quantity"),
    consumed_unit: text("consumed_unit"),
    tags: jsonb("tags").$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("materialized_costs_tenant_charge_period_idx").on(t.tenantId, t.charge_period_start),
    index("materialized_costs_tenant_service_idx").on(t.tenantId, t.service_name),
  ],
);

export type PgCanonicalEventRow = typeof canonicalEvents.$inferSelect;
export type PgNormalizedBatchRow = typeof normalizedBatches.$inferSelect;
export type PgMaterializedAccountRow = typeof materializedAccounts.$inferSelect;
export type PgMaterializedOpportunityRow = typeof materializedOpportunities.$inferSelect;
export type PgMaterializedContactRow = typeof materializedContacts.$inferSelect;
export type PgMaterializedCostRow = typeof materializedCosts.$inferSelect;
export type PgDclRecordRow = typeof dclRecords.$inferSelect;

/** The materializer's working state per source record (schema.ts dclRecords), in Postgres types. */
export const dclRecords = pgTable(
  "dcl_records",
  {
    tenantId: tenantId(),
    recordKey: text("record_key").notNull(),
    system: text("system").$type<SourceSystem>().notNull(),
    connectionId: text("connection_id").notNull(),
    object: text("object").notNull(),
    recordId: text("record_id").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    orderKey: text("order_key").notNull(),
    eventId: text("event_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    lineage: jsonb("lineage").$type<[string, string][]>().notNull(),
    lastSeq: seq("last_seq").notNull(),
    sourceAccountId: text("source_account_id"),
    linkKeys: jsonb("link_keys").$type<string[]>().notNull(),
    unifiedId: text("unified_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.recordKey] }),
    index("dcl_records_tenant_connection_record_idx").on(t.tenantId, t.connectionId, t.recordId),
    index("dcl_records_tenant_source_account_idx").on(t.tenantId, t.connectionId, t.sourceAccountId),
    index("dcl_records_tenant_unified_idx").on(t.tenantId, t.unifiedId),
  ],
);

/** Entity linking's candidate index (schema.ts dclLinkKeys). */
export const dclLinkKeys = pgTable(
  "dcl_link_keys",
  {
    tenantId: tenantId(),
    linkKey: text("link_key").notNull(),
    recordKey: text("record_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.linkKey, t.recordKey] })],
);
