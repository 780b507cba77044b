#!/usr/bin/env node
// Puts DuckDB-WASM's runtime into the console's static assets (run by `postinstall`; idempotent), versioned so the
// browser may cache it forever and no CDN is needed. The engine (33 MiB) is over Workers Static Assets' 25 MiB
// per-file limit, so it is stored gzipped (about 8 MB) and the Worker serves it with Content-Encoding: gzip
// (workers/console/compressed-wasm.ts). Only the "eh" build ships: every browser the console supports has
// WebAssembly exception handling, and the mvp build would add another 9 MB nobody loads.
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGzip, constants } from "node:zlib";
import { DUCKDB_VENDOR_PATH, duckdbDir as pkgDir } from "./lib/duckdb-package.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "app/static", DUCKDB_VENDOR_PATH);
mkdirSync(target, { recursive: true });

copyFileSync(join(pkgDir, "dist/duckdb-browser-eh.worker.js"), join(target, "duckdb-browser-eh.worker.js"));
const wasm = join(target, "duckdb-eh.wasm.gz");
if (!existsSync(wasm)) {
  const partial = `${wasm}.partial`;
  await pipeline(createReadStream(join(pkgDir, "dist/duckdb-eh.wasm")), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(partial));
  renameSync(partial, wasm);
}
