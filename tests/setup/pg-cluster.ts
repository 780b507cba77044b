/**
 * Starts a throwaway PostgreSQL cluster in a directory from newClusterDir(): initdb, then a server on the loopback
 * port with durability off (its data is disposable). Shared by the tests' globalSetup and `npm run demo:sources`.
 */
import { join } from "node:path";
import { HOST } from "./free-port";
import { pg } from "./pg-programs";

export function startCluster(bin: string, dir: string, port: number): void {
  const data = join(dir, "data");
  pg(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=${HOST} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  pg(bin, "pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", options, "start"]);
}
