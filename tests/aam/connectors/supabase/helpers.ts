/** Shared by the Supabase connector's tests: the real PostgREST project tests/setup/postgrest.ts started. */
import type { SQL } from "drizzle-orm";
import { SignJWT } from "jose";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import type { RawRecord, ReadPage } from "../../../../workers/aam/connectors/connector";
import { Supabase } from "../../../../workers/aam/connectors/supabase";
import { withPg } from "../../../../workers/platform/db/pg";

export { sql } from "drizzle-orm";

export const project = inject("supabase");

export const connector = (config: Record<string, unknown> = {}, apiKey = project.service_role_key) =>
  new Supabase({ url: project.url, ...config }, { api_key: apiKey });

/** Runs a statement in the project's database as its owner, behind PostgREST's back (as a Supabase app's own writes would). */
export async function onDatabase(statement: SQL): Promise<Record<string, unknown>[]> {
  const config = { DATABASE_URL: project.database_url, NEON_WS_PROXY: inject("neon").NEON_WS_PROXY };
  return withPg(config, async (db) => (await db.execute(statement)).rows);
}

/** Makes the stand-in gateway answer the next `requests` requests with `apiKey` 429, Retry-After `retryAfter`. */
export async function throttle(apiKey: string, requests: number, retryAfter: number | string): Promise<void> {
  const res = await fetch(`${project.url}/__control/throttle`, { method: "POST", body: JSON.stringify({ apikey: apiKey, requests, retry_after: retryAfter }) });
  if (res.status !== 204) throw new Error(`throttle control answered ${res.status}`);
}

/** Reads a table from `cursor` until a page comes back empty; fails instead of paging forever. */
export async function readAll(source: Supabase, table: string, cursor: string | null = null) {
  const pages: ReadPage[] = [];
  const records: RawRecord[] = [];
  let at = cursor;
  for (let page = 0; page < 1000; page++) {
    const read = await source.read(table, at);
    pages.push(read);
    records.push(...read.records);
    if (read.next_cursor === null) return { pages, records, cursor: at };
    at = read.next_cursor;
  }
  throw new Error(`reading ${table} did not end`);
}

/** The order the connector promises: (updated_at, id), compared as PostgreSQL compares them. */
export function inCursorOrder(records: RawRecord[], numericIds = false): RawRecord[] {
  const key = (r: RawRecord) => String(r.data.updated_at);
  const id = (r: RawRecord) => (numericIds ? Number(r.record_id) : r.record_id);
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

export function signKey(claims: Record<string, unknown>, secret = project.jwt_secret, expires: string | number = "1h"): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime(expires).sign(new TextEncoder().encode(secret));
}



/** Adds `labels` rows with these ids (the text-id table of tests/setup/supabase/schema.sql). */
export const insertLabels = (ids: string[]) =>
  onDatabase(sql`insert into labels (id, name) values ${sql.join(ids.map((id) => sql`(${id}, ${`label ${id}`})`), sql`, `)}`);

export const deleteLabels = (ids: string[]) => onDatabase(sql`delete from labels where id in ${ids}`);
