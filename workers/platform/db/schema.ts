/**
 * The D1 schema (drizzle sqlite-core). Migrations in migrations/d1 are generated from it with `npm run db:generate`;
 * row types are inferred from it, never declared by hand.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { SourceSystem } from "../../canonical/names";
import type { ConnectionStatus, SyncCursor, SyncStats } from "../../aam/connections/schemas";

/** An ISO-8601 UTC timestamp column defaulting to the insert time. */
const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const createdAt = () => timestamp("created_at");

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  plan: text("plan", { enum: ["free", "pro", "enterprise"] }).notNull().default("free"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("connections_tenant_name_unique").on(t.tenantId, t.name),
    // the cron's cross-tenant "what is due" scan
    index("connections_due_idx").on(t.status, t.nextSyncAt),
  ],
);

export type TenantRow = typeof tenants.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ConnectionRow = typeof connections.$inferSelect;
