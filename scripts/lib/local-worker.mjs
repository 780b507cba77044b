// Starts the Worker locally with `wrangler dev` (workerd + local D1/DO/Queues/R2) and stops its whole process group.
import { spawn, spawnSync } from "node:child_process";

const bin = (name) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Applies the D1 migrations to the local database (CI=1 answers wrangler's confirmation prompt). */
export function applyMigrations({ persistTo, quiet = false, cwd } = {}) {
  const args = ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])];
  const result = spawnSync(bin("wrangler"), args, {
    cwd,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, CI: "1" },
  });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed with status ${result.status}`);
}

/**
 * Runs `wrangler dev` (optionally another entry `script` with the same bindings, another static `assets` directory,
 * or from another project copy `cwd`);
 * resolves once /api/v1/health answers.
 */
export async function startWorker({ port, persistTo, script, assets, vars = {}, quiet = false, cwd }) {
  const args = ["dev", ...(script ? [script] : []), "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false",
    ...(persistTo ? ["--persist-to", persistTo] : []),
    ...(assets ? ["--assets", assets] : []),
    ...(quiet ? ["--log-level", "none"] : []),
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])];
  const child = spawn(bin("wrangler"), args, {
    cwd,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : ["ignore", "inherit", "inherit"],
    detached: true, // its own process group, so stopping it also stops workerd
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.status === 200) return { url, child, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`the gateway did not become healthy at ${url} within 120 s`);
}
