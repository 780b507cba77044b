#!/usr/bin/env node
// Puts DuckDB-WASM's runtime into the console's static assets (run by `postinstall`; idempotent), versioned so the
// browser may cache it forever and no CDN is needed. The engine (33 MiB) is over Workers Static Assets' 25 MiB
// per-file limit, so it is stored gzipped (about 8 MB) and the Worker serves it with Content-Encoding: gzip
// (workers/console/compressed-wasm.ts). Only the "eh" build ships: every browser the console supports has
// WebAssembly exception handling, and the mvp build would add another 9 MB nobody loads.
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGzip, constants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// the package exports no package.json: its directory is two levels above the exported wasm
const pkgDir = dirname(dirname(createRequire(join(root, "package.json")).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")));
const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const target = join(root, "app/static/vendor/duckdb", version);
mkdirSync(target, { recursive: true });

copyFileSync(join(pkgDir, "dist/duckdb-browser-eh.worker.js"), join(target, "duckdb-browser-eh.worker.js"));
const wasm = join(target, "duckdb-eh.wasm.gz");
if (!existsSync(wasm)) {
  const partial = `${wasm}.partial`;
  await pipeline(createReadStream(join(pkgDir, "dist/duckdb-eh.wasm")), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(partial));
  renameSync(partial, wasm);
}
