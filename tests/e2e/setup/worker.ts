/**
 * Builds the console into a scratch directory, migrates a fresh local D1 there and starts the Worker with
 * `wrangler dev` serving that build, on E2E_PORT (default 18931). Every test file registers its own tenant.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startConsoleWorker } from "../../../scripts/lib/console-worker.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), "autonomos-e2e-"));
  const worker = await startConsoleWorker({ port: Number(process.env.E2E_PORT ?? 18931), scratch });
  project.provide("baseUrl", worker.url);
  return () => {
    worker.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
