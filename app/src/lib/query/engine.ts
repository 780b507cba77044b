/**
 * DuckDB-WASM in a Web Worker, loaded only by the Query page (dynamically imported: it and apache-arrow stay out of
 * every page's first load). Worker script and engine come from our own origin, /vendor/duckdb/<version>/
 * (scripts/vendor-duckdb.mjs; the Worker serves the engine gzipped): no CDN. Extension autoloading is switched off
 * so DuckDB never reaches for extensions.duckdb.org: Arrow IPC inserts are built in, while read_parquet would need
 * the parquet extension downloaded.
 */
import { AsyncDuckDB, type AsyncDuckDBConnection, VoidLogger } from "@duckdb/duckdb-wasm";
import { type QueryResult, type ResultColumn, ROW_LIMIT } from "./result";

/** /vendor/duckdb/<version>, defined at build time (app/vite.config.ts) */
declare const __DUCKDB_VENDOR__: string;
const VENDOR = __DUCKDB_VENDOR__;
export const DUCKDB_WORKER_URL = `${VENDOR}/duckdb-browser-eh.worker.js`;
export const DUCKDB_WASM_URL = `${VENDOR}/duckdb-eh.wasm`;

/** Quotes an identifier for DuckDB SQL. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface Engine {
  /** Replaces `table` with the rows of an Arrow IPC stream; returns its row count. */
  loadArrow(table: string, ipc: Uint8Array): Promise<number>;
  run(sql: string): Promise<QueryResult>;
  close(): Promise<void>;
}

export async function startEngine(): Promise<Engine> {
  const worker = new Worker(DUCKDB_WORKER_URL);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(DUCKDB_WASM_URL);
    await db.open({});
    const conn = await db.connect();
    await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;");
    return engineOn(db, conn, worker);
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

function engineOn(db: AsyncDuckDB, conn: AsyncDuckDBConnection, worker: Worker): Engine {
  return {
    async loadArrow(table, ipc) {
      await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
      const count = await conn.query(`SELECT count(*) AS n FROM ${ident(table)}`);
      return Number(count.getChildAt(0)?.get(0));
    },
    async run(sql) {
      const started = performance.now();
      const table = await conn.query(sql);
      const elapsedMs = performance.now() - started;
      const columns: ResultColumn[] = table.schema.fields.map((field) => ({ name: field.name, type: String(field.type) }));
      const shown = Math.min(table.numRows, ROW_LIMIT);
      const vectors = columns.map((_, index) => table.getChildAt(index));
      const rows = Array.from({ length: shown }, (_, row) => vectors.map((vector) => vector?.get(row) ?? null));
      return { columns, rows, rowCount: table.numRows, elapsedMs };
    },
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
