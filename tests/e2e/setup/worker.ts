/**
 * Builds the console into a scratch directory, migrates a fresh local D1 there and starts the Worker with
 * `wrangler dev` serving that build, on E2E_PORT (default 18931). Every test file registers its own tenant.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildConsole } from "../../../scripts/lib/console-build.mjs";
import { applyMigrations, startWorker } from "../../../scripts/lib/local-worker.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), "autonomos-e2e-"));
  const assets = buildConsole({ out: join(scratch, "console"), quiet: true });
  const persistTo = join(scratch, "state");
  applyMigrations({ persistTo, quiet: true });
  const worker = await startWorker({
    port: Number(process.env.E2E_PORT ?? 18931),
    persistTo,
    assets,
    quiet: true,
    vars: {
      JWT_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
      ENCRYPTION_KEY: "ZTJlLW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
      LOG_LEVEL: "warn",
    },
  });
  project.provide("baseUrl", worker.url);
  return () => {
    worker.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
