/** Each e2e test file works in its own tenant, created through the public API (the UI's own register flow has its own test). */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

export interface Session {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  tenant: { id: string; name: string };
}

export const PASSWORD = "e2e correct horse battery staple";

export async function registerTenant(name = "E2E Co"): Promise<Session> {
  const res = await fetch(`${inject("baseUrl")}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `e2e-${randomUUID()}@example.com`, password: PASSWORD, tenant_name: name }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

/** Calls the API as the tenant (for set-up steps that are not what a test is about). */
export async function apiAs<T>(session: Session, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${session.access_token}`);
  const res = await fetch(`${inject("baseUrl")}${path}`, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} failed: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
