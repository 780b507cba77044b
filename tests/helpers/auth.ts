/**
 * Signing up and authenticating through the real auth routes, for any test that needs a caller. Every call uses
 * a fresh email and its own client address, so tests never collide on accounts or on the anonymous rate limit
 * (which is per address).
 */
import { exports } from "cloudflare:workers";
import type { z } from "@hono/zod-openapi";
import type { Scope } from "../../workers/auth/principal";
import { RegisteredSchema, type RegisterRequestSchema } from "../../workers/gateway/routes/auth/register";
import { CreatedApiKeySchema } from "../../workers/gateway/routes/auth/api-keys/create";

export const API = "https://api.test";

/** A random documentation-range (RFC 3849) IPv6 address, as Cloudflare's edge would put in cf-connecting-ip. */
export function clientAddress(): Record<string, string> {
  const groups = crypto.randomUUID().replaceAll("-", "").match(/.{4}/g)!.slice(0, 6);
  return { "cf-connecting-ip": `2001:db8:${groups.join(":")}` };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A request to the worker; JSON bodies are serialised and every call comes from a fresh client address. */
export function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...clientAddress(), ...init.headers };
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const body = init.body === undefined || typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return exports.default.fetch(`${API}${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

export function uniqueEmail(): string {
  return `user-${crypto.randomUUID()}@example.com`;
}

export const PASSWORD = "correct horse battery staple";

export interface SignedUp {
  tenantId: string;
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers a fresh tenant and its admin through POST /api/v1/auth/register. */
export async function signUp(overrides: Partial<z.input<typeof RegisterRequestSchema>> = {}): Promise<SignedUp> {
  const request = { email: uniqueEmail(), password: PASSWORD, tenant_name: "Test tenant", ...overrides };
  const res = await call("/api/v1/auth/register", { body: request });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const registered = RegisteredSchema.parse(await res.json());
  return {
    tenantId: registered.tenant.id,
    userId: registered.user.id,
    email: registered.user.email,
    password: request.password,
    accessToken: registered.access_token,
    refreshToken: registered.refresh_token,
  };
}

/** Mints an API key as the (admin) owner of `accessToken`; returns the key's id and secret. */
export async function createApiKey(accessToken: string, scopes: Scope[], name = "test key") {
  const res = await call("/api/v1/auth/api-keys", { body: { name, scopes }, headers: bearer(accessToken) });
  if (res.status !== 201) throw new Error(`API key creation failed: ${res.status} ${await res.text()}`);
  return CreatedApiKeySchema.parse(await res.json());
}
