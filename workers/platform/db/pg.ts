/**
 * Postgres access for the Neon store: @neondatabase/serverless's Pool (Postgres over WebSockets, which transactions
 * need; neon-http cannot hold one open) under drizzle. Workers cannot share sockets between requests, so each
 * operation opens its pool and ends it.
 */
import { Pool, neonConfig } from "@neondatabase/serverless";
import type { NeonQueryResultHKT } from "drizzle-orm/neon-serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type { Env } from "../../env";
import * as pgSchema from "./pg-schema";

/** A database handle or a transaction on one (a transaction is a PgDatabase too). */
export type PgDb = PgDatabase<NeonQueryResultHKT, typeof pgSchema>;

export type PgConfig = Required<Pick<Env, "DATABASE_URL">> & Pick<Env, "NEON_WS_PROXY">;

/**
 * A plain PostgreSQL (tests, local development) is reached through a WebSocket→TCP proxy without TLS: Neon's
 * defaults (wss to the database host, TLS and the pipelined password handshake inside) are what production keeps.
 */
function useLocalProxy(proxy: string): void {
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

export async function withPg<T>(config: PgConfig, work: (db: PgDb) => Promise<T>): Promise<T> {
  if (config.NEON_WS_PROXY !== undefined) useLocalProxy(config.NEON_WS_PROXY);
  const pool = new Pool({ connectionString: config.DATABASE_URL });
  // Idle sockets report their close after end() ("Network connection lost" in workerd); a query's own failure
  // rejects its promise, so nothing is lost by not letting these crash the isolate.
  pool.on("error", () => {});
  try {
    return await work(drizzle({ client: pool, schema: pgSchema }));
  } finally {
    await pool.end();
  }
}

export { pgSchema };
