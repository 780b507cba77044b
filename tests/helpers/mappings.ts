/** Mapping override documents and calls for the mapping route and override tests. */
import { env } from "cloudflare:test";
import { issueAccessToken } from "../../workers/auth/tokens";
import { database, schema } from "../../workers/platform/db";
import { newId } from "../../workers/platform/ids";
import { bearer } from "./auth";
import { call } from "./http";

/**
 * An override of the bundled filesource/accounts mapping (the records of tests/helpers/normalize.ts): upper-cased
 * names, the country as written, and the sector as the description.
 */
export function accountsOverride(version: number, nameTransforms = "[trim, upper]"): string {
  return [
    "# tenant override: shout the names",
    "system: filesource",
    "object: accounts",
    "entity: account",
    `version: ${version}`,
    "record_id: Account No",
    "fields:",
    `  name: { from: Company Name, transforms: ${nameTransforms} }`,
    "  annual_revenue: { from: Annual Revenue (EUR), transforms: [{ number: { locale: de-DE } }] }",
    "  currency: { const: EUR }",
    "  employee_count: { from: Employees, transforms: [{ integer: { locale: de-DE } }] }",
    "  billing_country: Country",
    "",
  ].join("\n");
}

export function putMapping(token: string, path: string, body: { source: string; comment?: string }, headers: Record<string, string> = {}) {
  return call(`/api/v1/aam/mappings/${path}`, { method: "PUT", body, headers: { ...bearer(token), ...headers } });
}

export function getJson(token: string, path: string) {
  return call(path, { headers: bearer(token) });
}

/** A signed-in member (role `member`: aam:read, not aam:write) of the tenant. */
export async function memberToken(tenantId: string): Promise<string> {
  const id = newId("usr");
  await database(env.DB)
    .insert(schema.users)
    .values({ id, tenantId, username: id, email: `${id}@example.com`, hashedPassword: "unused", role: "member" });
  return issueAccessToken(env, { sub: id, tid: tenantId, plan: "free", role: "member" });
}
