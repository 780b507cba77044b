// Builds the console (app/, SvelteKit + adapter-static) with vite. `out` lets the e2e tests and the benchmark build
// into their own directory, so they never race someone building app/build; their SvelteKit work directory is a
// fresh one inside app/ (it must stay under the project, where node_modules resolve) removed afterwards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const appDir = new URL("../../app/", import.meta.url).pathname;
const vite = new URL("../../node_modules/.bin/vite", import.meta.url).pathname;

/** Runs `vite build` in app/; returns the absolute output directory. */
export function buildConsole({ out = "build", quiet = false } = {}) {
  const own = out !== "build";
  const kitDir = own ? mkdtempSync(resolve(appDir, ".svelte-kit-")) : resolve(appDir, ".svelte-kit");
  try {
    const result = spawnSync(vite, ["build", "--logLevel", quiet ? "warn" : "info"], {
      cwd: appDir,
      stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
      env: { ...process.env, CONSOLE_OUT: resolve(appDir, out), CONSOLE_KIT_DIR: kitDir },
    });
    if (result.status !== 0) throw new Error(`building the console (vite build in app/) failed with status ${result.status}`);
  } finally {
    if (own) rmSync(kitDir, { recursive: true, force: true });
  }
  return resolve(appDir, out);
}
