// Runs a Worker entry of the project on Miniflare directly (real workerd, the bindings of wrangler.toml, local D1/DO/
// Queues/R2 persisted under `persistTo` like `wrangler dev --persist-to`), listening on `port` with no proxy in
// front. `wrangler dev` puts its own proxy worker, and Miniflare's asset router for a Worker with static assets,
// between the client and the Worker; both re-handle every request and WebSocket frame (and negotiate
// permessage-deflate with the client whatever the Worker's compatibility flags say), so a benchmark would measure
// them rather than the Worker. The benchmark entries serve no console, so the assets binding is left out.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { Miniflare, convertV4MiniflareOptions } = require("miniflare");
const { unstable_getMiniflareWorkerOptions } = require("wrangler");
const wrangler = new URL("../../node_modules/.bin/wrangler", import.meta.url).pathname;

/** The bundle's files as Miniflare modules, by extension (wrangler writes them next to the entry). */
function modulesOf(outdir, entry) {
  const typeOf = (file) =>
    /\.m?js$/.test(file) ? "ESModule" : file.endsWith(".wasm") ? "CompiledWasm" : file.endsWith(".bin") ? "Data" : "Text";
  const files = readdirSync(outdir).filter((file) => !file.endsWith(".map") && file !== "README.md");
  // the entry module first: Miniflare runs the first module
  return [entry, ...files.filter((file) => file !== entry)].map((file) => ({ type: typeOf(file), path: join(outdir, file) }));
}

/** Bundles `script` with wrangler's own bundler and serves it; resolves once /api/v1/health answers. */
export async function startMiniflareWorker({ port, persistTo, script, vars = {}, cwd, outdir }) {
  const build = spawnSync(wrangler, ["deploy", "--dry-run", "--env", "", "--outdir", outdir, script], { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CI: "1" } });
  if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed with status ${build.status}`);
  const entry = readdirSync(outdir).find((file) => /\.m?js$/.test(file));
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(cwd, "wrangler.toml"));
  const { assets: _assets, modulesRules: _rules, ...options } = workerOptions;
  const mf = new Miniflare({
    ...convertV4MiniflareOptions({
      workers: [{
        ...options,
        name: "autonomos",
        modulesRoot: outdir,
        modules: modulesOf(outdir, entry),
        bindings: { ...options.bindings, ...vars },
        unsafeDirectSockets: [{ host: "127.0.0.1", port }],
      }],
    }),
    resourcePersistencePath: join(persistTo, "v3"),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await mf.ready;
    const res = await fetch(`${url}/api/v1/health`);
    if (res.status !== 200) throw new Error(`the worker answered /api/v1/health with ${res.status}`);
  } catch (err) {
    await mf.dispose();
    throw err;
  }
  return { url, stop: () => mf.dispose() };
}
