/** A signed-in session as the client sees it: a short-lived access token plus a rotating refresh token. */
import { z } from "@hono/zod-openapi";
import type { Env } from "../env";
import { type Database, forTenant } from "../platform/db";
import { type AccessClaims, accessTokenTtlSeconds, issueAccessToken } from "./tokens";
import { issueRefreshToken, rotateRefreshToken } from "./refresh-tokens";

export const TokenPairSchema = z
  .object({
    access_token: z.string().openapi({ description: "JWT (HS256) to send as `Authorization: Bearer …`" }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().openapi({ description: "Seconds until the access token expires", example: 900 }),
    refresh_token: z.string().openapi({ description: "Single-use; exchange it at /api/v1/auth/refresh" }),
  })
  .openapi("TokenPair");
export type TokenPair = z.infer<typeof TokenPairSchema>;

async function tokenPair(env: Env, claims: AccessClaims, refreshToken: string): Promise<TokenPair> {
  return {
    access_token: await issueAccessToken(env, claims),
    token_type: "Bearer",
    expires_in: accessTokenTtlSeconds(env),
    refresh_token: refreshToken,
  };
}

/** Signs the user in: a new refresh-token family. */
export async function openSession(env: Env, db: Database, claims: AccessClaims): Promise<TokenPair> {
  const refreshToken = await issueRefreshToken(env, forTenant(db, claims.tid), claims.sub);
  return tokenPair(env, claims, refreshToken);
}

/** Exchanges a refresh token for a new pair (rotation); returns the claims too so the caller is known. */
export async function refreshSession(
  env: Env,
  db: Database,
  presented: string,
): Promise<{ claims: AccessClaims; tokens: TokenPair }> {
  const { claims, refreshToken } = await rotateRefreshToken(env, db, presented);
  return { claims, tokens: await tokenPair(env, claims, refreshToken) };
}
