/**
 * The D1 schema (drizzle sqlite-core). Migrations in migrations/d1 are generated from it with `npm run db:generate`;
 * row types are inferred from it, never declared by hand.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ChargeCategory } from "../../canonical/cost";
import type { EntityName, SourceSystem } from "../../canonical/names";
import type { ConnectionStatus, SyncCursor, SyncStats } from "../../aam/connections/schemas";
import type { SourceState } from "../../aam/connectors/source-state";

/** An ISO-8601 UTC timestamp column defaulting to the insert time. */
export const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
export const createdAt = () => timestamp("created_at");

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  plan: text("plan", { enum: ["free", "pro", "enterprise"] }).notNull().default("free"),
  /** the confidence above which the AAM applies a repair or a drafted mapping by itself; null: the matcher's default */
  autoApplyThreshold: real("auto_apply_threshold"),
  createdAt: createdAt(),
});

/** The owning tenant of a row: every tenant-owned table has it, and `forTenant` scopes queries by it. */
export const tenantId = () =>
  text("tenant_id")
    .notNull()
    .references(() => tenants.id);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    hashedPassword: text("hashed_password").notNull(),
    role: text("role", { enum: ["admin", "member"] }).notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_tenant_idx").on(t.tenantId)],
);

/** Opaque refresh tokens, stored hashed. Each login starts a family; rotation marks the old token used. */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    familyId: text("family_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("refresh_tokens_hash_unique").on(t.tokenHash), index("refresh_tokens_family_idx").on(t.familyId)],
);

/** API keys for agents: the secret part is stored as a SHA-256 hash (it is random, so no slow hash is needed). */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId)],
);

/**
 * A tenant's link to one source system. Secrets are stored only as AES-GCM ciphertext (workers/aam/connections/secrets.ts);
 * `config` has already been validated against the system's schema (workers/aam/connections/config.ts).
 */
export const connections = sqliteTable(
  "connections",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    system: text("system").$type<SourceSystem>().notNull(),
    name: text("name").notNull(),
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    secretsCiphertext: text("secrets_ciphertext"),
    status: text("status").$type<ConnectionStatus>().notNull().default("active"),
    /** sync interval; null means the connection only syncs when asked to */
    scheduleMinutes: integer("schedule_minutes"),
    cursor: text("cursor", { mode: "json" }).$type<SyncCursor>().notNull().default({}),
    nextSyncAt: text("next_sync_at"),
    lastSyncAt: text("last_sync_at"),
    lastSyncStats: text("last_sync_stats", { mode: "json" }).$type<SyncStats>(),
    lastError: text("last_error"),
    /** what the user can do about the source, as the last sync outcome or check found it; null until either ran */
    sourceState: text("source_state").$type<SourceState>(),
    sourceStateAt: text("source_state_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("connections_tenant_name_unique").on(t.tenantId, t.name),
    // the cron's cross-tenant "what is due" scan
    index("connections_due_idx").on(t.status, t.nextSyncAt),
  ],
);

/**
 * One sync of a connection (scheduled, manual, file upload, push ingest, quarantine replay, or id reconciliation:
 * its records are the deletes it found). Consumers add to the counters concurrently (`SET read = read + ?`); the
 * run is finished once reading is done and every batch it enqueued has been normalized (batches_done = batches_enqueued).
 */
export const syncRuns = sqliteTable(
  "sync_runs",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    connectionId: text("connection_id").notNull(),
    kind: text("kind", { enum: ["scheduled", "manual", "upload", "ingest", "replay", "reconcile"] }).notNull(),
    /** the source object the run reads (a file for uploads); null when it covers every object */
    object: text("object"),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull().default("queued"),
    read: integer("read").notNull().default(0),
    emitted: integer("emitted").notNull().default(0),
    quarantined: integer("quarantined").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    batchesEnqueued: integer("batches_enqueued").notNull().default(0),
    batchesDone: integer("batches_done").notNull().default(0),
    readingDone: integer("reading_done", { mode: "boolean" }).notNull().default(false),
    progressDone: integer("progress_done"),
    progressTotal: integer("progress_total"),
    progressUnit: text("progress_unit"),
    error: text("error"),
    traceId: text("trace_id").notNull(),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
  },
  (t) => [index("sync_runs_tenant_connection_idx").on(t.tenantId, t.connectionId, t.createdAt)],
);

/**
 * The append-only canonical stream: one row per CanonicalEvent, never updated or deleted. `event_id` is
 * deterministic per source change, so replays and re-uploads are recognised as duplicates by its unique index.
 */
export const canonicalEvents = sqliteTable(
  "canonical_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
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
    /** the whole CanonicalEvent as JSON */
    event: text("event", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex("canonical_events_event_id_unique").on(t.eventId),
    index("canonical_events_tenant_seq_idx").on(t.tenantId, t.seq),
    index("canonical_events_tenant_entity_seq_idx").on(t.tenantId, t.entity, t.seq),
    // id reconciliation's "which records of this object are live": keyset by record id, latest event per record (op covered)
    index("canonical_events_tenant_record_idx").on(t.tenantId, t.connectionId, t.object, t.recordId, t.seq, t.op),
  ],
);

/** Records that could not become canonical events, kept whole with the reason until replayed or discarded. */
export const quarantine = sqliteTable(
  "quarantine",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    connectionId: text("connection_id").notNull(),
    runId: text("run_id"),
    system: text("system").$type<SourceSystem>().notNull(),
    object: text("object").notNull(),
    entity: text("entity").$type<EntityName>(),
    recordId: text("record_id"),
    /** 1-based line in the source file, for file sources */
    line: integer("line"),
    /** the raw record (or, for unparseable rows, the raw text) */
    raw: text("raw", { mode: "json" }).$type<unknown>().notNull(),
    reason: text("reason").notNull(),
    /** per-field errors: [{ field, source_path, reason }] */
    errors: text("errors", { mode: "json" }).$type<unknown[]>().notNull().default([]),
    mappingVersion: text("mapping_version"),
    status: text("status", { enum: ["open", "replayed", "discarded"] }).notNull().default("open"),
    replayedEventId: text("replayed_event_id"),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("quarantine_tenant_status_idx").on(t.tenantId, t.status, t.createdAt)],
);

/**
 * One row per raw batch the normalize consumer appended, written in the same D1 transaction as the batch's events
 * and quarantine rows. Queues deliver at least once: a redelivered batch finds its row (the insert fails and rolls
 * the whole append back), and the row says what the first delivery appended (the seqs in (after_seq, through_seq]:
 * D1 runs one transaction at a time, so every event inserted in that range was this batch's) and whether the run
 * counters already took the batch (`counted_at`), so a crash between the steps is resumed, never double-counted.
 */
export const normalizedBatches = sqliteTable(
  "normalized_batches",
  {
    tenantId: tenantId(),
    runId: text("run_id").notNull(),
    batchId: text("batch_id").notNull(),
    /** the stream's last seq before the batch's events were inserted */
    afterSeq: integer("after_seq").notNull(),
    /** the stream's last seq once they were: (after_seq, through_seq] are this batch's new events */
    throughSeq: integer("through_seq"),
    /** valid events of the batch (new + duplicates) */
    valid: integer("valid").notNull(),
    quarantined: integer("quarantined").notNull(),
    countedAt: text("counted_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.batchId] })],
);

/**
 * A tenant's override of a mapping document, one row per version, append-only: a change (or a rollback) is a new
 * row with a higher version, and the active override of a (system, object) is its highest version. `source` is the
 * YAML exactly as submitted; `mapping_version` is what the compiled document stamps on events.
 */
export const mappingVersions = sqliteTable(
  "mapping_versions",
  {
    tenantId: tenantId(),
    system: text("system").$type<SourceSystem>().notNull(),
    object: text("object").notNull(),
    version: integer("version").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    source: text("source").notNull(),
    /** SHA-256 of the document's content (layout and comments aside): the compiled-mapping cache key */
    contentHash: text("content_hash").notNull(),
    mappingVersion: text("mapping_version").notNull(),
    /** the user or API key id that submitted it */
    author: text("author").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.system, t.object, t.version] })],
);

/**
 * The shape of a source object as the AAM has observed it (per connection and object): each field path with its
 * type and how often records carry it. The schema observer compares every batch (and every discovery) with it.
 */
export const sourceSchemas = sqliteTable(
  "source_schemas",
  {
    tenantId: tenantId(),
    connectionId: text("connection_id").notNull(),
    object: text("object").notNull(),
    /** the observed fields, as the drift module's schema describes them */
    fields: text("fields", { mode: "json" }).$type<unknown[]>().notNull(),
    /** records observed so far */
    observedRecords: integer("observed_records").notNull().default(0),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.connectionId, t.object] })],
);

/** One detected change of a source object's shape (fields added, removed, renamed, retyped), and what became of it. */
export const driftEvents = sqliteTable(
  "drift_events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    connectionId: text("connection_id").notNull(),
    runId: text("run_id"),
    system: text("system").$type<SourceSystem>().notNull(),
    object: text("object").notNull(),
    entity: text("entity").$type<EntityName>(),
    /** the mapping version in effect when it was detected */
    mappingVersion: text("mapping_version"),
    /** the changes, as the drift module's schema describes them */
    changes: text("changes", { mode: "json" }).$type<unknown[]>().notNull(),
    /** whether records fail or lose a mapped value because of it (they are held in quarantine until repaired) */
    breaking: integer("breaking", { mode: "boolean" }).notNull(),
    status: text("status", { enum: ["open", "repair_pending", "repaired", "ignored"] }).notNull().default("open"),
    repairId: text("repair_id"),
    detectedAt: timestamp("detected_at"),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("drift_events_tenant_detected_idx").on(t.tenantId, t.detectedAt)],
);

/**
 * A proposed change of a mapping: a repair after drift, or a drafted mapping for an object that had none
 * (onboarding). Applied ones point at the mapping version they created; rolled-back ones at the version that undid them.
 */
export const mappingRepairs = sqliteTable(
  "mapping_repairs",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    kind: text("kind", { enum: ["drift", "onboarding"] }).notNull(),
    connectionId: text("connection_id"),
    driftEventId: text("drift_event_id"),
    system: text("system").$type<SourceSystem>().notNull(),
    object: text("object").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    status: text("status", { enum: ["pending", "applied", "rejected", "rolled_back"] }).notNull(),
    /** the proposed field changes with their confidence, as the repair module's schema describes them */
    changes: text("changes", { mode: "json" }).$type<unknown[]>().notNull(),
    /** the lowest confidence among the changes */
    confidence: real("confidence").notNull(),
    /** the tenant mapping version it was proposed against; null for the system default or no mapping */
    baseVersion: integer("base_version"),
    /** the mapping version applying it created */
    appliedVersion: integer("applied_version"),
    /** the mapping version a rollback created */
    rolledBackVersion: integer("rolled_back_version"),
    /** who decided: a user or API key id, or `aam:auto` */
    decidedBy: text("decided_by"),
    createdAt: createdAt(),
    decidedAt: text("decided_at"),
  },
  (t) => [index("mapping_repairs_tenant_status_idx").on(t.tenantId, t.status, t.createdAt)],
);

/** The tenant's matching memory: source fields people accepted or rejected for a canonical target (retrieval for the matcher). */
export const matchMemory = sqliteTable(
  "match_memory",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId(),
    system: text("system").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    fieldName: text("field_name").notNull(),
    fieldLabel: text("field_label"),
    /** the canonical field; null means "keep in extras" */
    target: text("target"),
    verdict: text("verdict", { enum: ["accepted", "rejected"] }).notNull(),
    repairId: text("repair_id"),
    createdAt: createdAt(),
  },
  (t) => [index("match_memory_tenant_entity_idx").on(t.tenantId, t.entity)],
);

/**
 * DCL views: one table per canonical entity, one column per canonical field under its canonical (snake_case) name,
 * so a view's columns are the entity's fields and queries need no renaming. Around them, what every view row has:
 * its id (an account's is its unified id across sources), the source records that made it (`sources`), the events
 * that contributed (`lineage`), a tombstone flag (deletes keep the row), and the stream position it reflects.
 * Rows are written only by the materializer (issue 4), which can rebuild them from the stream.
 */
export interface ViewSource {
  system: SourceSystem;
  connection_id: string;
  object: string;
  record_id: string;
}

const viewRowColumns = () => ({
  tenantId: tenantId(),
  id: text("id").notNull(),
  /** the canonical source_id: the record's, or for a unified account the id of its primary source record */
  source_id: text("source_id").notNull(),
  extras: text("extras", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  sources: text("sources", { mode: "json" }).$type<ViewSource[]>().notNull(),
  /** ids of the events that contributed, oldest first */
  lineage: text("lineage", { mode: "json" }).$type<string[]>().notNull(),
  deleted: integer("deleted", { mode: "boolean" }).notNull().default(false),
  /** the highest stream seq reflected in the row */
  lastSeq: integer("last_seq").notNull(),
});

export const materializedAccounts = sqliteTable(
  "materialized_accounts",
  {
    ...viewRowColumns(),
    name: text("name").notNull(),
    industry: text("industry"),
    annual_revenue: real("annual_revenue"),
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
    /** why the sources were linked into this one account: [{ rule, confidence, detail }] */
    link: text("link", { mode: "json" }).$type<{ confidence: number; reasons: unknown[] }>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("materialized_accounts_tenant_name_idx").on(t.tenantId, t.name)],
);

export const materializedOpportunities = sqliteTable(
  "materialized_opportunities",
  {
    ...viewRowColumns(),
    /** the unified account (materialized_accounts.id), resolved across sources; null while unknown */
    account_id: text("account_id"),
    /** the account id as the source gave it (canonical account_id before resolution) */
    source_account_id: text("source_account_id"),
    name: text("name").notNull(),
    stage: text("stage"),
    amount: real("amount"),
    currency: text("currency"),
    close_date: text("close_date"),
    probability: real("probability"),
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

export const materializedContacts = sqliteTable(
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

/**
 * Cost lines (FOCUS): one row per source record, like an opportunity's but with no account to resolve, the
 * provider's billing and sub account ids being data. Indexed for the FinOps reads: by charge period, by service.
 */
export const materializedCosts = sqliteTable(
  "materialized_costs",
  {
    ...viewRowColumns(),
    billed_cost: real("billed_cost").notNull(),
    effective_cost: real("effective_cost"),
    list_cost: real("list_cost"),
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
    consumed_quantity: real("consumed_quantity"),
    consumed_unit: text("consumed_unit"),
    tags: text("tags", { mode: "json" }).$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("materialized_costs_tenant_charge_period_idx").on(t.tenantId, t.charge_period_start),
    index("materialized_costs_tenant_service_idx").on(t.tenantId, t.service_name),
  ],
);

/**
 * The DCL materializer's working state, one row per source record (connection, object, record_id): the winning
 * event's data (last writer by updated_at, see workers/dcl/materialize/record-state.ts), every event seen for the
 * record, and for accounts the blocking keys entity linking looks candidates up by and the unified account the
 * record belongs to. Everything here is derived from the stream; a rebuild recomputes it.
 */
export const dclRecords = sqliteTable(
  "dcl_records",
  {
    tenantId: tenantId(),
    /** JSON [connection_id, object, record_id]: one text key, so sets of records are plain IN lists */
    recordKey: text("record_key").notNull(),
    system: text("system").$type<SourceSystem>().notNull(),
    connectionId: text("connection_id").notNull(),
    object: text("object").notNull(),
    recordId: text("record_id").notNull(),
    entity: text("entity").$type<EntityName>().notNull(),
    /** the winning event's */
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    /** the winning event's data.updated_at, else its emitted_at (ISO, normalized to milliseconds) */
    orderKey: text("order_key").notNull(),
    eventId: text("event_id").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** every event seen for the record as [order_key, event_id], sorted */
    lineage: text("lineage", { mode: "json" }).$type<[string, string][]>().notNull(),
    lastSeq: integer("last_seq").notNull(),
    /** opportunities and contacts: the canonical account_id (the source's foreign key) */
    sourceAccountId: text("source_account_id"),
    /** accounts: entity-linking blocking keys (mirrored in dcl_link_keys) */
    linkKeys: text("link_keys", { mode: "json" }).$type<string[]>().notNull(),
    /** accounts: the unified account (materialized_accounts.id) the record is part of */
    unifiedId: text("unified_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.recordKey] }),
    index("dcl_records_tenant_connection_record_idx").on(t.tenantId, t.connectionId, t.recordId),
    index("dcl_records_tenant_source_account_idx").on(t.tenantId, t.connectionId, t.sourceAccountId),
    index("dcl_records_tenant_unified_idx").on(t.tenantId, t.unifiedId),
  ],
);

/** Entity linking's candidate index: an account record under each of its blocking keys (domain, name token, id). */
export const dclLinkKeys = sqliteTable(
  "dcl_link_keys",
  {
    tenantId: tenantId(),
    linkKey: text("link_key").notNull(),
    recordKey: text("record_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.linkKey, t.recordKey] })],
);

export type TenantRow = typeof tenants.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ConnectionRow = typeof connections.$inferSelect;
export type SyncRunRow = typeof syncRuns.$inferSelect;
export type CanonicalEventRow = typeof canonicalEvents.$inferSelect;
export type QuarantineRow = typeof quarantine.$inferSelect;
export type NormalizedBatchRow = typeof normalizedBatches.$inferSelect;
export type MappingVersionRow = typeof mappingVersions.$inferSelect;
export type SourceSchemaRow = typeof sourceSchemas.$inferSelect;
export type DriftEventRow = typeof driftEvents.$inferSelect;
export type MappingRepairRow = typeof mappingRepairs.$inferSelect;
export type MatchMemoryRow = typeof matchMemory.$inferSelect;
export type MaterializedAccountRow = typeof materializedAccounts.$inferSelect;
export type MaterializedOpportunityRow = typeof materializedOpportunities.$inferSelect;
export type MaterializedContactRow = typeof materializedContacts.$inferSelect;
export type MaterializedCostRow = typeof materializedCosts.$inferSelect;
export type DclRecordRow = typeof dclRecords.$inferSelect;
