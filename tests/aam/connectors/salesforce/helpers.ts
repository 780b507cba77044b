/** Shared by the Salesforce client tests: an org on the fake Salesforce, a key pair for its connected app, clients. */
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { inject } from "vitest";
import { SalesforceClient } from "../../../../workers/aam/connectors/salesforce/client";
import type { DescribeCache } from "../../../../workers/aam/connectors/salesforce/describe";
import type { SalesforceSettingsInput } from "../../../../workers/aam/connectors/salesforce/settings";

export const fakeUrl = () => inject("salesforce").url;

/** A valid stored config for a Salesforce connection no test ever calls (its secrets decide what a check would do). */
export const SALESFORCE_CONFIG = { login_url: "https://login.salesforce.com", grant: "client_credentials", client_id: "3MVG9-test" } as const;

export interface FakeCall {
  method: string;
  path: string;
  if_modified_since: string | null;
  query_options: string | null;
}
export interface FakeOrgState {
  api_used: number;
  api_limit: number;
  records: Record<string, Record<string, unknown>[]>;
  calls: FakeCall[];
  tokens_issued: number;
}

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${fakeUrl()}/__fake/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake control ${method} ${path}: ${response.status}`);
  return response;
}

let keys: Promise<{ privatePem: string; publicPem: string }> | undefined;
/** One RSA key pair per test file: generating 2048-bit keys is slow. */
export function connectedAppKeys() {
  keys ??= generateKeyPair("RS256", { extractable: true }).then(async ({ privateKey, publicKey }) => ({
    privatePem: await exportPKCS8(privateKey),
    publicPem: await exportSPKI(publicKey),
  }));
  return keys;
}

export interface FakeOrg {
  id: string;
  clientId: string;
  username: string;
  secret: string;
  state(): Promise<FakeOrgState>;
  /** how many REST calls and token requests the org has served so far */
  requests(): Promise<{ rest: number; tokens: number }>;
  change(change: Record<string, unknown>): Promise<void>;
  put(object: string, records: Record<string, unknown>[]): Promise<void>;
}

export async function createFakeOrg(options: Record<string, unknown> = {}): Promise<FakeOrg> {
  const { publicPem } = await connectedAppKeys();
  const clientId = `3MVG9${crypto.randomUUID().replaceAll("-", "")}`;
  const username = `integration+${crypto.randomUUID()}@example.com`;
  const secret = crypto.randomUUID();
  const created = await control("POST", "orgs", { client_id: clientId, client_secret: secret, username, public_key_pem: publicPem, ...options });
  const { org_id: id } = (await created.json()) as { org_id: string };
  return {
    id,
    clientId,
    username,
    secret,
    state: async () => (await (await control("GET", `orgs/${id}`)).json()) as FakeOrgState,
    requests: async () => (await (await control("GET", `orgs/${id}/requests`)).json()) as { rest: number; tokens: number },
    change: async (change) => void (await control("PATCH", `orgs/${id}`, change)),
    put: async (object, records) => void (await control("PATCH", `orgs/${id}`, { records: { [object]: records } })),
  };
}

export async function jwtSettings(org: FakeOrg, overrides: Partial<SalesforceSettingsInput> = {}): Promise<SalesforceSettingsInput> {
  const { privatePem } = await connectedAppKeys();
  return {
    login_url: fakeUrl(),
    auth: { grant: "jwt_bearer", client_id: org.clientId, username: org.username, private_key: privatePem },
    ...overrides,
  };
}

export const clientCredentialsSettings = (org: FakeOrg, overrides: Partial<SalesforceSettingsInput> = {}): SalesforceSettingsInput => ({
  login_url: fakeUrl(),
  auth: { grant: "client_credentials", client_id: org.clientId, client_secret: org.secret },
  ...overrides,
});

export async function jwtClient(org: FakeOrg, overrides: Partial<SalesforceSettingsInput> = {}, cache?: DescribeCache) {
  return new SalesforceClient(await jwtSettings(org, overrides), cache);
}

/** Accounts with SystemModstamps one second apart from `start`, in Salesforce's datetime format. */
export function accounts(count: number, start = Date.parse("2026-01-01T00:00:00Z"), prefix = "Acme") {
  return Array.from({ length: count }, (_, i) => ({
    Id: `001${String(i).padStart(15, "0")}`,
    Name: `${prefix} ${i}`,
    Industry: "Technology",
    SystemModstamp: new Date(start + i * 1000).toISOString().replace("Z", "+0000"),
  }));
}

/** Every batch of an incremental read until the query is done. */
export async function drain(client: SalesforceClient, object: string, fields: string[], cursor: string | null) {
  const batches = [];
  let at = cursor;
  for (;;) {
    const batch = await client.readChanges(object, fields, at);
    batches.push(batch);
    at = batch.cursor;
    if (batch.done) return { batches, cursor: at, records: batches.flatMap((b) => b.records) };
  }
}

/** The stored config and opened secrets of a JWT bearer connection to `org`. */
export async function jwtConnection(org: FakeOrg, config: Record<string, unknown> = {}) {
  const { privatePem } = await connectedAppKeys();
  return {
    config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Account"], ...config },
    secrets: { private_key: privatePem },
  };
}
