// Runs a benchmark against bench/worker.ts under `wrangler dev`, from a snapshot of the project (snapshot.mjs) on a
// fresh local state (D1 migrated, R2, queues, Durable Objects), both in a temporary directory; the worker and the
// directory are removed however the benchmark ends.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevVars } from "../../scripts/lib/dev-vars.mjs";
import { applyMigrations, startWorker } from "../../scripts/lib/local-worker.mjs";
import { snapshotProject } from "./snapshot.mjs";

/** An unusual default port, so a benchmark never collides with `npm start` or another helper's worker. */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 18787);

export async function withBenchWorker(vars, benchmark) {
  ensureDevVars();
  const scratch = mkdtempSync(join(tmpdir(), "autonomos-bench-"));
  try {
    const cwd = join(scratch, "project");
    const persistTo = join(scratch, "state");
    mkdirSync(cwd);
    snapshotProject(cwd);
    applyMigrations({ persistTo, quiet: true, cwd });
    const worker = await startWorker({ port: BENCH_PORT, persistTo, script: "bench/worker.ts", vars, quiet: true, cwd });
    try {
      return await benchmark({ url: worker.url, persistTo, cwd });
    } finally {
      worker.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
