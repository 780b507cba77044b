/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the Neon store's tests, one per test run. initdb into a
 * temporary directory (as `postgres` when the run is root: PostgreSQL refuses to run as root), a server on a free
 * port with durability off, a database migrated by the deploy step's own runner (scripts/pg-migrate.mjs), and the
 * WebSocket proxy in front of it. The tests get the connection through `inject("neon")`; both processes are
 * stopped, and the directory removed, when the run ends. A run killed before that leaves its cluster behind: the
 * next run stops and removes it first (pg-cluster-dirs.ts). Nothing here skips: without PostgreSQL the run fails.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import type { PgConfig } from "../../workers/platform/db/pg";
import { HOST, freePort } from "./free-port";
import { startCluster } from "./pg-cluster";
import { newClusterDir, removeCluster, removeStaleClusters } from "./pg-cluster-dirs";
import { binDir, pg } from "./pg-programs";
import { startWsProxy } from "./pg-ws-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    neon: Required<PgConfig>;
    /** the cluster itself, for setups that add their own database to it (postgrest.ts) */
    postgres: { host: string; port: number };
  }
}

const DATABASE = "autonomos_test";

export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const bin = binDir();
  removeStaleClusters(bin);
  const dir = newClusterDir();
  let proxy: Awaited<ReturnType<typeof startWsProxy>> | undefined;
  const stop = async () => {
    await proxy?.close();
    removeCluster(bin, dir);
  };
  try {
    const port = await freePort();
    startCluster(bin, dir, port);
    pg(bin, "createdb", ["-h", dir, "-p", String(port), "-U", "postgres", DATABASE]);
    proxy = await startWsProxy({ host: HOST, port });
    const neon = { DATABASE_URL: `postgres://postgres:postgres@${HOST}:${port}/${DATABASE}`, NEON_WS_PROXY: `${HOST}:${proxy.port}` };
    // asynchronously: the proxy it connects through runs on this process's event loop
    await promisify(execFile)(process.execPath, ["scripts/pg-migrate.mjs"], { env: { ...process.env, ...neon } });
    project.provide("neon", neon);
    project.provide("postgres", { host: HOST, port });
  } catch (err) {
    await stop();
    throw new Error(`could not start the tests' PostgreSQL: ${String(err)}`, { cause: err });
  }
  return stop;
}
