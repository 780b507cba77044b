/**
 * Access tokens: short-lived JWTs signed with HS256. Verification pins the algorithm and checks issuer, audience,
 * expiry and not-before; the tenant, plan and role come from the signed claims only.
 */
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "@hono/zod-openapi";
import type { Env } from "../env";
import { PlanSchema, type Principal, ROLE_SCOPES, RoleSchema } from "./principal";
import { ProblemError } from "../gateway/problem";

const ALGORITHM = "HS256";
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
const MIN_SECRET_BYTES = 32;

/** The claims this service adds to the registered ones (tid = tenant id). */
export const AccessClaimsSchema = z.object({
  sub: z.string().min(1),
  tid: z.string().min(1),
  plan: PlanSchema,
  role: RoleSchema,
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;

type TokenEnv = Pick<Env, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE" | "ACCESS_TOKEN_TTL_SECONDS">;

/** Imported HMAC keys per secret: importing on every request would cost more than the signature check itself. */
const importedKeys = new Map<string, Promise<CryptoKey>>();

/** Fails closed: a missing or short secret is a deployment error (500, logged), never a weaker signature. */
function signingKey(env: TokenEnv): Promise<CryptoKey> {
  let key = importedKeys.get(env.JWT_SECRET);
  if (key === undefined) {
    const raw = new TextEncoder().encode(env.JWT_SECRET);
    if (raw.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes; refusing to sign or verify tokens`);
    }
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    importedKeys.set(env.JWT_SECRET, key);
  }
  return key;
}

export function accessTokenTtlSeconds(env: TokenEnv): number {
  return Number(env.ACCESS_TOKEN_TTL_SECONDS);
}

export async function issueAccessToken(env: TokenEnv, claims: AccessClaims): Promise<string> {
  const key = await signingKey(env);
  const { sub, ...custom } = claims;
  return new SignJWT(custom)
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setSubject(sub)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(`${accessTokenTtlSeconds(env)}s`)
    .sign(key);
}

/** The caller behind a valid access token; any invalid token is a 401 `invalid-token`. */
export async function verifyAccessToken(env: TokenEnv, token: string): Promise<Principal> {
  const key = await signingKey(env);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      requiredClaims: ["exp", "nbf", "iat", "jti", "sub"],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new ProblemError("invalid-token", "The access token has expired");
    if (err instanceof errors.JOSEError) throw new ProblemError("invalid-token", "The access token is not valid");
    throw err;
  }
  const claims = AccessClaimsSchema.safeParse(payload);
  if (!claims.success) throw new ProblemError("invalid-token", "The access token's claims are not valid");
  return userPrincipal(claims.data);
}

export function userPrincipal({ sub, tid, plan, role }: AccessClaims): Principal {
  return { kind: "user", actorId: sub, tenantId: tid, plan, role, scopes: ROLE_SCOPES[role] };
}
