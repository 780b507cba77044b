// The console's end-to-end tests: Node drives Debian's Chromium (playwright-core) against the real Worker under
// `wrangler dev` (workerd, local D1/DO/Queues/R2), started once per run by tests/e2e/setup/worker.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["./tests/e2e/setup/worker.ts"],
    // one browser at a time: the machine has two cores and the Worker needs one
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
