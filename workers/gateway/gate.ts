/**
 * Which TenantGate a request is serialised through, shared by the rate-limit and idempotency middleware: the
 * caller's tenant once authenticated, otherwise the client's address, so anonymous traffic (sign-up, sign-in) is
 * limited per address and never shares a tenant's gate. Tenant ids are generated (`ten_…`), never `anon:…`.
 */
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { type TenantGate, tenantGate } from "../../durable-objects/tenant-gate";

function gateName(c: Context<AppEnv>): string {
  const principal = c.get("principal");
  if (principal !== undefined) return principal.tenantId;
  // Cloudflare's edge sets cf-connecting-ip, replacing any value the client sent; local runs have none.
  return `anon:${c.req.header("cf-connecting-ip") ?? "local"}`;
}

export function requestGate(c: Context<AppEnv>): DurableObjectStub<TenantGate> {
  return tenantGate(c.env, gateName(c));
}
