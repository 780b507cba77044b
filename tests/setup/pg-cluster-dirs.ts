/**
 * The temporary directories of the tests' PostgreSQL clusters, named for the test run that owns them
 * (`autonomos-pg-<vitest pid>-XXXXXX`): a run killed before its teardown leaves its cluster running, and the next run
 * must tell such a leftover from the cluster of a run going on in parallel. The pid is in the name rather than in a
 * file so that no directory is ever seen without its owner.
 */
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asRoot, isRunning, pg } from "./pg-programs";

const PREFIX = "autonomos-pg-";
const OWNED = new RegExp(`^${PREFIX}(\\d+)-`);

/** A new directory for this run's cluster, owned by `postgres` when we are root (initdb runs as postgres). */
export function newClusterDir(): string {
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** Stops the cluster in the directory if one runs on it, then removes the directory. */
export function removeCluster(bin: string, dir: string): void {
  const data = join(dir, "data");
  if (isRunning(bin, data)) pg(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  rmSync(dir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, as another user's process
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the clusters of earlier runs whose process is gone. A directory whose owner lives (a parallel run) or
 * whose name has no owner (made before owners were recorded) is left alone.
 */
export function removeStaleClusters(bin: string): void {
  for (const name of readdirSync(tmpdir())) {
    const owner = OWNED.exec(name)?.[1];
    if (owner === undefined || alive(Number(owner))) continue;
    const dir = join(tmpdir(), name);
    try {
      removeCluster(bin, dir);
    } catch (err) {
      // an earlier run's leftovers must not fail this run
      console.warn(`could not remove the stale PostgreSQL cluster in ${dir}: ${String(err)}`);
    }
  }
}
