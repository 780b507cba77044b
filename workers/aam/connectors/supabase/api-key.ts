/**
 * Supabase's two generations of API keys. Legacy keys are JWTs naming their role, sent as both `apikey` and
 * `Authorization: Bearer` (as supabase-js does); the opaque `sb_secret_…`/`sb_publishable_…` keys are not JWTs,
 * so they go in `apikey` alone and Supabase's gateway swaps them for a JWT of their role.
 *
 * A key that cannot work (not a key, or one row-level security shows nothing) is refused before any request as
 * bad credentials: the registry keeps secrets opaque, so this is where a connection's key is first judged, and
 * the user's remedy is the same as for a key Supabase refuses — reconnect with the right one.
 */
import { decodeJwt } from "jose";
import { sourceProblem } from "../source-state";

export function apiKeyHeaders(key: string): Record<string, string> {
  return key.startsWith("sb_") ? { apikey: key } : { apikey: key, authorization: `Bearer ${key}` };
}

/** The Postgres role a key acts as, read without verifying it (Supabase verifies every request). */
export function keyRole(key: string): string {
  if (key.startsWith("sb_secret_")) return "service_role";
  if (key.startsWith("sb_publishable_")) return "anon";
  let role: unknown;
  try {
    role = decodeJwt(key).role;
  } catch {
    throw sourceProblem("bad-credentials", "The Supabase API key is neither a sb_secret_ key nor a legacy JWT key");
  }
  if (typeof role !== "string") throw sourceProblem("bad-credentials", "The Supabase API key names no role");
  return role;
}

/**
 * Refuses keys row-level security confines to what the public may see: reads with them succeed and return
 * nothing, which a sync would take for an empty project.
 */
export function requireServerKey(key: string): void {
  if (keyRole(key) === "anon") {
    throw sourceProblem(
      "bad-credentials",
      "The Supabase API key is the project's anon or publishable key, which row-level security shows no rows: use a secret key (sb_secret_…) or the legacy service_role key",
    );
  }
}
