/**
 * One fake Salesforce org: its connected app (JWT consumer key + public key, client-credentials secret), its
 * records per object, the daily API allocation, live sessions and query locators, and a log of the REST calls it
 * served so tests can assert what the client did (and did not) send.
 */
import { randomBytes } from "node:crypto";
import describeAccount from "./fixtures/describe-Account.json" with { type: "json" };
import describeContact from "./fixtures/describe-Contact.json" with { type: "json" };
import describeOpportunity from "./fixtures/describe-Opportunity.json" with { type: "json" };

export type SObjectRecord = Record<string, unknown> & { Id: string; IsDeleted: boolean; SystemModstamp: string };

export interface OrgOptions {
  client_id: string;
  client_secret?: string;
  username?: string;
  /** SPKI PEM of the connected app's certificate: JWT assertions must verify against it */
  public_key_pem?: string;
  api_limit?: number;
  api_used?: number;
  /** the org's largest query batch (Salesforce: 2000); tests make it small to page */
  max_batch_size?: number;
  /** every token issued is already invalid: models a revoked user or connected app */
  sessions_die_immediately?: boolean;
}

export interface LoggedCall {
  method: string;
  path: string;
  if_modified_since: string | null;
  query_options: string | null;
}

export interface Org {
  id: string;
  options: OrgOptions;
  apiUsed: number;
  apiLimit: number;
  records: Map<string, Map<string, SObjectRecord>>;
  describes: Map<string, { body: Record<string, unknown>; modifiedAt: Date }>;
  calls: LoggedCall[];
  /** access tokens issued: with `calls`, every request the org served */
  tokensIssued: number;
}

export const orgs = new Map<string, Org>();
/** access token → org id */
export const sessions = new Map<string, string>();
/** query locator → the remaining rows of a query, the org that ran it and when it was last used */
export const locators = new Map<string, { orgId: string; rows: SObjectRecord[]; version: string; usedAt: number }>();
/** Salesforce drops a query locator left idle this long */
export const LOCATOR_IDLE_MS = 15 * 60_000;

/** An 18-character record id with the object's key prefix (001 Account, 003 Contact, 006 Opportunity). */
export const randomId = (prefix: string) => prefix + randomBytes(8).toString("hex").slice(0, 18 - prefix.length).toUpperCase();

export function createOrg(options: OrgOptions): Org {
  const org: Org = {
    id: `00D${randomBytes(6).toString("hex").toUpperCase()}`,
    options,
    apiUsed: options.api_used ?? 0,
    apiLimit: options.api_limit ?? 15000,
    records: new Map([["Account", new Map()]]),
    describes: new Map(
      [describeAccount, describeContact, describeOpportunity].map((body) => [body.name, { body, modifiedAt: new Date("2025-01-01T00:00:00Z") }]),
    ),
    calls: [],
    tokensIssued: 0,
  };
  orgs.set(org.id, org);
  return org;
}

/** The Salesforce datetime format of query results: `2013-05-20T20:49:32.000+0000`. */
export const sfDatetime = (date: Date) => date.toISOString().replace("Z", "+0000");

export function fieldNames(org: Org, object: string): Set<string> | undefined {
  const describe = org.describes.get(object)?.body as { fields: { name: string }[] } | undefined;
  return describe === undefined ? undefined : new Set(describe.fields.map((field) => field.name));
}

/** Upserts (or marks deleted) a record the way the org would, stamping SystemModstamp unless the test sets it. */
export function putRecord(org: Org, object: string, input: Record<string, unknown>): SObjectRecord {
  const table = org.records.get(object) ?? new Map<string, SObjectRecord>();
  org.records.set(object, table);
  const keyPrefix = (org.describes.get(object)?.body as { keyPrefix?: string } | undefined)?.keyPrefix ?? "a00";
  const id = typeof input.Id === "string" ? input.Id : randomId(keyPrefix);
  const now = sfDatetime(new Date());
  const previous = table.get(id);
  const record: SObjectRecord = {
    ...(previous ?? { CreatedDate: now }),
    ...input,
    Id: id,
    IsDeleted: input.IsDeleted === true,
    SystemModstamp: typeof input.SystemModstamp === "string" ? input.SystemModstamp : now,
    LastModifiedDate: typeof input.SystemModstamp === "string" ? input.SystemModstamp : now,
  };
  table.set(id, record);
  return record;
}
