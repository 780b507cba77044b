// Runs a benchmark against bench/worker.ts on Miniflare (miniflare-worker.mjs), from a snapshot of the project
// (snapshot.mjs) on a fresh local state (D1 migrated, R2, queues, Durable Objects), all in a temporary directory;
// the worker and the directory are removed however the benchmark ends.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevVars } from "../../scripts/lib/dev-vars.mjs";
import { applyMigrations } from "../../scripts/lib/local-worker.mjs";
import { startMiniflareWorker } from "./miniflare-worker.mjs";
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
    const worker = await startMiniflareWorker({ port: BENCH_PORT, persistTo, script: "bench/worker.ts", vars, cwd, outdir: join(scratch, "bundle") });
    try {
      return await benchmark({ url: worker.url, persistTo, cwd });
    } finally {
      await worker.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
