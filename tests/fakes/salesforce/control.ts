/**
 * The test-only control API under /__fake: create an org, change its records or allocation, expire its sessions,
 * touch a describe, and read back its records and the calls it served. Salesforce has no such API; the client
 * never calls it.
 */
import { type Org, type OrgOptions, createOrg, locators, orgs, putRecord, sessions, sfDatetime } from "./org";
import type { Reply } from "./rest";

interface OrgChange {
  api_used?: number;
  api_limit?: number;
  expire_sessions?: boolean;
  describe_touched?: string;
  /** moves the org's open query locators this far into the past, as if the sync had paused */
  locators_idle_seconds?: number;
  records?: Record<string, Record<string, unknown>[]>;
  /** adds `count` generated Accounts (ids and names by index, SystemModstamps one second apart from `from`) */
  generate_accounts?: { count: number; from: string };
  /** an admin changes an object's fields in Setup: `remove` them, then `add` (a removed name added again is a retype) */
  fields?: { object: string; remove?: string[]; add?: NewField[] };
}

interface NewField {
  name: string;
  label: string;
  /** a describe type: string, currency, double, int, date, datetime, boolean… */
  type: string;
}

export function serveControl(method: string, parts: string[], body: unknown): Reply {
  const [, resource, orgId, sub] = parts;
  if (resource !== "orgs") return { status: 404, body: { error: "no such control resource" } };
  if (method === "POST" && orgId === undefined) {
    const { records, ...options } = body as OrgOptions & Pick<OrgChange, "records">;
    const org = createOrg(options);
    changeOrg(org, { records });
    return { status: 201, body: { org_id: org.id } };
  }
  const org = orgs.get(orgId ?? "");
  if (org === undefined) return { status: 404, body: { error: "no such org" } };
  if (method === "PATCH") {
    changeOrg(org, body as OrgChange);
    return { status: 204 };
  }
  // the request counts alone: the full state of an org holding 50,000 records is megabytes
  if (method === "GET" && sub === "requests") return { status: 200, body: { rest: org.calls.length, tokens: org.tokensIssued } };
  if (method === "GET") {
    const records = Object.fromEntries([...org.records].map(([object, table]) => [object, [...table.values()]]));
    return { status: 200, body: { api_used: org.apiUsed, api_limit: org.apiLimit, records, calls: org.calls, tokens_issued: org.tokensIssued } };
  }
  return { status: 405, body: { error: "method not allowed" } };
}

function changeOrg(org: Org, change: OrgChange): void {
  if (change.api_used !== undefined) org.apiUsed = change.api_used;
  if (change.api_limit !== undefined) org.apiLimit = change.api_limit;
  if (change.expire_sessions === true) {
    for (const [token, owner] of sessions) if (owner === org.id) sessions.delete(token);
  }
  if (change.locators_idle_seconds !== undefined) {
    for (const state of locators.values()) if (state.orgId === org.id) state.usedAt -= change.locators_idle_seconds * 1000;
  }
  if (change.describe_touched !== undefined) {
    for (const entry of org.describes.values()) entry.modifiedAt = new Date(change.describe_touched);
  }
  if (change.generate_accounts !== undefined) generateAccounts(org, change.generate_accounts);
  if (change.fields !== undefined) changeFields(org, change.fields);
  for (const [object, records] of Object.entries(change.records ?? {})) {
    for (const record of records) putRecord(org, object, record);
  }
}

/**
 * The describe changes (a copy per org: the fixtures are shared) and so does its Last-Modified, as in a real org; the
 * query then returns the new columns only, since the fake serves the fields its describe lists.
 */
function changeFields(org: Org, change: NonNullable<OrgChange["fields"]>): void {
  const entry = org.describes.get(change.object);
  if (entry === undefined) throw new Error(`no describe for ${change.object}`);
  const body = structuredClone(entry.body) as { fields: Record<string, unknown>[] };
  const removed = new Set(change.remove ?? []);
  const template = body.fields.find((field) => field.name === "Description") ?? body.fields[0]!;
  body.fields = [
    ...body.fields.filter((field) => !removed.has(field.name as string)),
    ...(change.add ?? []).map((field) => ({ ...template, ...field, custom: field.name.endsWith("__c"), nillable: true })),
  ];
  org.describes.set(change.object, { body, modifiedAt: new Date() });
}

/** Bulk data made here rather than sent over the control API: 50,000 records are a 10 MB request otherwise. */
function generateAccounts(org: Org, { count, from }: { count: number; from: string }): void {
  const start = Date.parse(from);
  const industries = ["Agriculture", "Banking", "Technology", "Energy"];
  for (let i = 0; i < count; i += 1) {
    putRecord(org, "Account", {
      Id: `001G${String(i).padStart(14, "0")}`,
      Name: `Generated ${i}`,
      Industry: industries[i % industries.length],
      NumberOfEmployees: i,
      SystemModstamp: sfDatetime(new Date(start + i * 1000)),
    });
  }
}
