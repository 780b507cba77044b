/**
 * The demo's Supabase project: a throwaway PostgreSQL 15 cluster, a database made from the tests' Supabase schema
 * with the demo's rows, PostgREST on it and the stand-in for Supabase's API gateway in front (opaque `sb_secret_…`
 * key). Stopping removes the cluster's directory.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOST } from "../../tests/setup/free-port";
import { startCluster } from "../../tests/setup/pg-cluster";
import { newClusterDir, removeCluster, removeStaleClusters } from "../../tests/setup/pg-cluster-dirs";
import { binDir } from "../../tests/setup/pg-programs";
import { type Gateway, startGateway } from "../../tests/setup/supabase/gateway";
import { createSupabaseDatabase, legacyKey, startPostgrestServer } from "../../tests/setup/supabase/postgrest-server";
import { PORTS } from "./ports";
import { supabaseSql } from "./supabase-rows";

const DATABASE = "crm";
// local only: PostgREST and the gateway listen on 127.0.0.1 and the data is generated
const JWT_SECRET = "demo-sources-postgrest-jwt-secret-0123456789";
const SECRET_KEY = "sb_secret_DemoSources0123456789abcdefgh";

export interface DemoSupabase {
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

export async function startSupabase(): Promise<DemoSupabase> {
  const bin = binDir();
  removeStaleClusters(bin);
  const dir = newClusterDir();
  let postgrest: Awaited<ReturnType<typeof startPostgrestServer>> | undefined;
  let gateway: Gateway | undefined;
  const stop = async () => {
    await gateway?.close();
    await postgrest?.stop();
    removeCluster(bin, dir);
  };
  try {
    startCluster(bin, dir, PORTS.postgres);
    const cluster = { host: HOST, port: PORTS.postgres };
    const rows = join(dir, "demo-rows.sql");
    writeFileSync(rows, supabaseSql());
    createSupabaseDatabase(bin, cluster, DATABASE, [rows]);
    postgrest = await startPostgrestServer({ cluster, database: DATABASE, port: PORTS.postgrest, schemas: "public", maxRows: 1000, jwtSecret: JWT_SECRET });
    const serviceRole = await legacyKey("service_role", JWT_SECRET);
    gateway = await startGateway(postgrest, { opaque: { [SECRET_KEY]: serviceRole } }, PORTS.supabase);
    return { url: gateway.url, apiKey: SECRET_KEY, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
