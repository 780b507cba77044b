/**
 * The only unscoped data access in the platform: what happens before the caller's tenant is known. Signing up
 * creates a tenant; signing in finds a user by email; a refresh token, API key or signed push-ingest request (by
 * its connection) is resolved to the tenant it belongs to. Everything after that goes through `forTenant`.
 */
import { eq } from "drizzle-orm";
import { type Database, schema } from "../platform/db";

const { apiKeys, connections, refreshTokens, tenants, users } = schema;

type NewTenant = typeof tenants.$inferInsert;
type NewUser = Omit<typeof users.$inferInsert, "tenantId">;

/** Creates a tenant and its first user in one transaction (a D1 batch), so neither exists without the other. */
export async function createTenantWithUser(db: Database, tenant: NewTenant, user: NewUser): Promise<void> {
  await db.batch([db.insert(tenants).values(tenant), db.insert(users).values({ ...user, tenantId: tenant.id })]);
}

export function userByEmail(db: Database, email: string) {
  return db
    .select({ user: users, plan: tenants.plan })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.email, email))
    .get();
}

export function refreshTokenByHash(db: Database, tokenHash: string) {
  return db
    .select({ token: refreshTokens, role: users.role, plan: tenants.plan })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .innerJoin(tenants, eq(tenants.id, refreshTokens.tenantId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .get();
}

export function apiKeyById(db: Database, id: string) {
  return db
    .select({ key: apiKeys, plan: tenants.plan })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.id, id))
    .get();
}

/** The connection a push-ingest request names: its sealed signing secret authenticates the request. */
export function connectionForIngest(db: Database, id: string) {
  return db.select().from(connections).where(eq(connections.id, id)).get();
}
