// The console as the e2e tests and the console benchmark run it: a fresh build served by the Worker under
// `wrangler dev`, with fresh local state (D1 migrated, R2, Queues, Durable Objects), all inside `scratch`.
import { join } from "node:path";
import { buildConsole } from "./console-build.mjs";
import { applyMigrations, startWorker } from "./local-worker.mjs";

/** Starts it on `port`; the caller stops the returned worker and removes `scratch`. */
export async function startConsoleWorker({ port, scratch }) {
  const assets = buildConsole({ out: join(scratch, "console"), quiet: true });
  const persistTo = join(scratch, "state");
  applyMigrations({ persistTo, quiet: true });
  return startWorker({
    port,
    persistTo,
    assets,
    quiet: true,
    // secrets for this throwaway state only
    vars: {
      JWT_SECRET: "local-only-secret-0123456789abcdef0123456789abcdef",
      ENCRYPTION_KEY: "ZTJlLW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
      LOG_LEVEL: "warn",
    },
  });
}
