/**
 * API keys for agents: `aos_<key id>_<secret>`. The id finds the row; the SHA-256 of the whole key is what is
 * stored and compared (in constant time). The secret is 32 random bytes, so a fast hash is enough: there is
 * nothing to brute-force. Keys carry their own scopes and stop working the moment they are revoked.
 */
import { desc, eq, isNull, type SQL } from "drizzle-orm";
import { type Database, type TenantScope, schema } from "../platform/db";
import { sha256Hex, timingSafeEqual } from "../platform/crypto";
import { newId, randomToken } from "../platform/ids";
import { ProblemError } from "../gateway/problem";
import { apiKeyById } from "./identity";
import { type Principal, type Scope, ScopeSchema } from "./principal";

const { apiKeys } = schema;

const API_KEY_PREFIX = "aos_";
const SECRET_BYTES = 32;
/** newId("key") is `key_` + 24 hex; the secret is base64url (43 characters for 32 bytes). */
const API_KEY_FORMAT = /^aos_(key_[0-9a-f]{24})_([A-Za-z0-9_-]{43})$/;

export function isApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** The non-secret beginning of a key, shown in listings so people can tell their keys apart. */
export function apiKeyPrefix(id: string): string {
  return `${API_KEY_PREFIX}${id}`;
}

/** Stored scopes are re-checked on the way out: a scope that no longer exists grants nothing. */
function knownScopes(stored: readonly string[]): Scope[] {
  return stored.flatMap((scope) => {
    const parsed = ScopeSchema.safeParse(scope);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function createApiKey(
  scope: TenantScope,
  input: { name: string; scopes: readonly Scope[]; createdBy: string },
) {
  const id = newId("key");
  const key = `${apiKeyPrefix(id)}_${randomToken(SECRET_BYTES)}`;
  const createdAt = new Date().toISOString();
  const scopes = [...new Set(input.scopes)];
  await scope.insert(apiKeys, { id, name: input.name, scopes, keyHash: await sha256Hex(key), createdBy: input.createdBy, createdAt });
  return { id, name: input.name, scopes, key, createdAt };
}

/** What may be shown about a key: everything but its hash. */
const visibleColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

function selectVisible(scope: TenantScope, ...conditions: SQL[]) {
  return scope.db
    .select(visibleColumns)
    .from(apiKeys)
    .where(scope.where(apiKeys, ...conditions))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .then((rows) => rows.map((row) => ({ ...row, scopes: knownScopes(row.scopes) })));
}

/** The tenant's keys, newest first. */
export function listApiKeys(scope: TenantScope) {
  return selectVisible(scope);
}

export async function findApiKey(scope: TenantScope, id: string) {
  const [key] = await selectVisible(scope, eq(apiKeys.id, id));
  return key;
}

/** Revokes one of the tenant's keys (again: a no-op); false when the tenant has no key with that id. */
export async function revokeApiKey(scope: TenantScope, id: string): Promise<boolean> {
  const revoked = await scope.update(apiKeys, { revokedAt: new Date().toISOString() }, eq(apiKeys.id, id), isNull(apiKeys.revokedAt));
  return revoked > 0 || (await findApiKey(scope, id)) !== undefined;
}

/** The caller behind an API key; an unknown, malformed, wrong or revoked key is a 401 `invalid-token`. */
export async function authenticateApiKey(db: Database, key: string): Promise<Principal> {
  const id = API_KEY_FORMAT.exec(key)?.[1];
  const found = id === undefined ? undefined : await apiKeyById(db, id);
  if (found === undefined || !timingSafeEqual(await sha256Hex(key), found.key.keyHash)) {
    throw new ProblemError("invalid-token", "The API key is not valid");
  }
  if (found.key.revokedAt !== null) throw new ProblemError("invalid-token", "The API key has been revoked");
  return {
    kind: "api_key",
    actorId: found.key.id,
    tenantId: found.key.tenantId,
    plan: found.plan,
    role: undefined,
    scopes: knownScopes(found.key.scopes),
  };
}

/** Records that a key was used; callers run it after the response (best effort). */
export async function touchApiKey(scope: TenantScope, id: string): Promise<void> {
  await scope.update(apiKeys, { lastUsedAt: new Date().toISOString() }, eq(apiKeys.id, id));
}
