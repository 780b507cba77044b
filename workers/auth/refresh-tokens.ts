/**
 * Refresh tokens: opaque random strings, stored only as their SHA-256. Each sign-in starts a family; every refresh
 * marks the presented token used and issues the next one in the same family. A used or revoked token coming back
 * means it was copied (or the legitimate client lost a race with a thief), so the whole family is revoked.
 */
import { eq, isNull } from "drizzle-orm";
import type { Env } from "../env";
import { type Database, type TenantScope, forTenant, schema } from "../platform/db";
import { sha256Hex } from "../platform/crypto";
import { newId, randomToken } from "../platform/ids";
import { ProblemError } from "../gateway/problem";
import { refreshTokenByHash } from "./identity";
import type { AccessClaims } from "./tokens";

const { refreshTokens } = schema;
const TOKEN_BYTES = 32;

type RefreshEnv = Pick<Env, "REFRESH_TOKEN_TTL_SECONDS">;

/** Issues a refresh token for the user, continuing `familyId` or, by default, starting a new family. */
export async function issueRefreshToken(
  env: RefreshEnv,
  scope: TenantScope,
  userId: string,
  familyId: string = newId("fam"),
): Promise<string> {
  const token = randomToken(TOKEN_BYTES);
  await scope.insert(refreshTokens, {
    id: newId("rtk"),
    userId,
    familyId,
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(Date.now() + Number(env.REFRESH_TOKEN_TTL_SECONDS) * 1000).toISOString(),
  });
  return token;
}

/** Spends a refresh token: returns who it belongs to and its successor, or throws 401 `invalid-token`. */
export async function rotateRefreshToken(
  env: RefreshEnv,
  db: Database,
  token: string,
): Promise<{ claims: AccessClaims; refreshToken: string }> {
  const found = await refreshTokenByHash(db, await sha256Hex(token));
  if (found === undefined) throw new ProblemError("invalid-token", "The refresh token is not valid");
  const { token: row, role, plan } = found;
  const scope = forTenant(db, row.tenantId);
  const now = new Date().toISOString();
  if (row.usedAt !== null || row.revokedAt !== null) return revokeFamilyForReuse(scope, row.familyId, now);
  if (row.expiresAt <= now) throw new ProblemError("invalid-token", "The refresh token has expired");
  // The conditional update is the serialisation point: of two concurrent refreshes with one token, one loses.
  const spent = await scope.update(
    refreshTokens,
    { usedAt: now },
    eq(refreshTokens.id, row.id),
    isNull(refreshTokens.usedAt),
    isNull(refreshTokens.revokedAt),
  );
  if (spent === 0) return revokeFamilyForReuse(scope, row.familyId, now);
  const refreshToken = await issueRefreshToken(env, scope, row.userId, row.familyId);
  return { claims: { sub: row.userId, tid: row.tenantId, plan, role }, refreshToken };
}

async function revokeFamilyForReuse(scope: TenantScope, familyId: string, now: string): Promise<never> {
  await scope.update(refreshTokens, { revokedAt: now }, eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt));
  throw new ProblemError("invalid-token", "Refresh token reuse detected; every session of this sign-in was revoked");
}
