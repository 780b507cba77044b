/**
 * PostgreSQL's programs (initdb, pg_ctl, createdb) for the tests' throwaway clusters: the newest installed version,
 * run as `postgres` when the test run is root (PostgreSQL refuses to run as root).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The newest Debian PostgreSQL (package `postgresql`, which scripts/test.sh installs). */
export function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`PostgreSQL is not installed (no ${root}/*/bin/initdb): install the Debian package \`postgresql\` (npm test does when run as root)`);
  return join(root, newest, "bin");
}

export const asRoot = process.getuid?.() === 0;

function command(bin: string, program: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args];
}

/** Runs a PostgreSQL program; throws when it fails. */
export function pg(bin: string, program: string, args: string[]): void {
  const [file, argv] = command(bin, program, args);
  execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Whether a server runs on the data directory (`pg_ctl status` exits 0; 3 when none runs, 4 when there is no cluster). */
export function isRunning(bin: string, data: string): boolean {
  const [file, argv] = command(bin, "pg_ctl", ["-D", data, "status"]);
  return spawnSync(file, argv, { stdio: "ignore" }).status === 0;
}
