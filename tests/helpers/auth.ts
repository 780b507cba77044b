/**
 * Signing up and authenticating through the real auth routes, for any test that needs a caller. Every call uses
 * a fresh email and its own client address, so tests never collide on accounts or on the anonymous rate limit
 * (which is per address).
 */
import type { z } from "@hono/zod-openapi";
import { call } from "./http";
import type { Scope } from "../../workers/auth/principal";
import { RegisteredSchema, type RegisterRequestSchema } from "../../workers/gateway/routes/auth/register";
import { CreatedApiKeySchema } from "../../workers/gateway/routes/auth/api-keys/create";

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
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
