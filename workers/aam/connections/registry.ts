/**
 * The connection registry: a tenant's connections to source systems, always reached through the tenant's scope.
 * Configs are validated for their system, secrets sealed before they touch D1, and the sync schedule kept in
 * `next_sync_at` (null exactly when the connection syncs only on demand), which is what the cron scans (due.ts).
 */
import { asc, eq, gt } from "drizzle-orm";
import type { Env } from "../../env";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, isUniqueViolation, schema } from "../../platform/db";
import type { ConnectionRow } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { resolveConnectionConfig } from "./config";
import { deleteConnectionFiles } from "./files";
import { encodePageCursor } from "./page-cursor";
import type { ConnectionSecrets, CreateConnection, ListConnectionsQuery, UpdateConnection } from "./schemas";
import { sealConnectionSecrets } from "./secrets";

const { connections } = schema;

type RegistryEnv = Pick<Env, "ENCRYPTION_KEY">;

/** An empty object means "no secrets": nothing is sealed, and `has_secrets` stays honest. */
async function sealed(env: RegistryEnv, scope: TenantScope, connectionId: string, secrets: ConnectionSecrets | null) {
  if (secrets === null || Object.keys(secrets).length === 0) return null;
  return sealConnectionSecrets(env, { tenantId: scope.tenantId, connectionId }, secrets);
}

/** When a connection on `scheduleMinutes` is next due: at once if it never synced, else one interval after its last sync. */
function nextSyncAt(scheduleMinutes: number | null, lastSyncAt: string | null, now: Date): string | null {
  if (scheduleMinutes === null) return null;
  if (lastSyncAt === null) return now.toISOString();
  return new Date(Date.parse(lastSyncAt) + scheduleMinutes * 60_000).toISOString();
}

/** A unique-name violation becomes a 409; anything else is rethrown as is. */
function rethrowAsConflict(err: unknown, name: string | undefined): never {
  if (isUniqueViolation(err, "connections.tenant_id, connections.name")) {
    throw new ProblemError("conflict", `A connection named ${JSON.stringify(name)} already exists`);
  }
  throw err;
}

export async function createConnection(
  scope: TenantScope,
  env: RegistryEnv,
  input: CreateConnection,
  now = new Date(),
): Promise<ConnectionRow> {
  const id = newId("con");
  const config = resolveConnectionConfig(input.system, input.config, { tenantId: scope.tenantId, connectionId: id });
  const timestamp = now.toISOString();
  try {
    await scope.insert(connections, {
      id,
      system: input.system,
      name: input.name,
      config,
      secretsCiphertext: await sealed(env, scope, id, input.secrets ?? null),
      scheduleMinutes: input.schedule_minutes,
      nextSyncAt: nextSyncAt(input.schedule_minutes, null, now),
      createdAt: timestamp,
      updatedAt: timestamp,
    });
  } catch (err) {
    rethrowAsConflict(err, input.name);
  }
  return getConnection(scope, id);
}

/** The tenant's connection; another tenant's id is simply not found. */
export async function getConnection(scope: TenantScope, id: string): Promise<ConnectionRow> {
  const [connection] = await scope.select(connections, eq(connections.id, id));
  if (connection === undefined) throw new ProblemError("not-found", `No connection ${id}`);
  return connection;
}

/** One page of the tenant's connections in name order; `nextCursor` is null on the last page. */
export async function listConnections(scope: TenantScope, query: ListConnectionsQuery) {
  const rows = await scope.db
    .select()
    .from(connections)
    .where(scope.where(connections, query.cursor === undefined ? undefined : gt(connections.name, query.cursor)))
    .orderBy(asc(connections.name))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last !== undefined ? encodePageCursor(last.name) : null };
}

export async function updateConnection(
  scope: TenantScope,
  env: RegistryEnv,
  id: string,
  patch: UpdateConnection,
  now = new Date(),
): Promise<ConnectionRow> {
  const current = await getConnection(scope, id);
  const owner = { tenantId: scope.tenantId, connectionId: id };
  const scheduleChanged = patch.schedule_minutes !== undefined && patch.schedule_minutes !== current.scheduleMinutes;
  let changed = 0;
  try {
    changed = await scope.update(
      connections,
      {
        name: patch.name,
        config: patch.config === undefined ? undefined : resolveConnectionConfig(current.system, patch.config, owner),
        secretsCiphertext: patch.secrets === undefined ? undefined : await sealed(env, scope, id, patch.secrets),
        status: patch.status,
        scheduleMinutes: patch.schedule_minutes,
        nextSyncAt: scheduleChanged ? nextSyncAt(patch.schedule_minutes ?? null, current.lastSyncAt, now) : undefined,
        updatedAt: now.toISOString(),
      },
      eq(connections.id, id),
    );
  } catch (err) {
    rethrowAsConflict(err, patch.name);
  }
  if (changed === 0) throw new ProblemError("not-found", `No connection ${id}`);
  return getConnection(scope, id);
}

/**
 * Deletes the connection and the files staged under its R2 prefix. The canonical events it produced stay: they
 * are history, and their `source.connection_id` keeps saying where they came from.
 */
export async function deleteConnection(scope: TenantScope, env: Pick<Env, "FILES">, id: string): Promise<void> {
  await getConnection(scope, id);
  // Files first: if this fails half-way the connection still exists, so a retry finds and finishes it.
  await deleteConnectionFiles(env.FILES, scope.tenantId, id);
  if ((await scope.delete(connections, eq(connections.id, id))) === 0) {
    throw new ProblemError("not-found", `No connection ${id}`);
  }
}
