// The installed @duckdb/duckdb-wasm: where it lives and the path the console serves its runtime under,
// /vendor/duckdb/<version>/ (copied there by scripts/vendor-duckdb.mjs, baked into the build by app/vite.config.ts,
// requested by the console benchmark). The package exports no package.json: its directory is two levels above the
// exported engine.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const duckdbDir = dirname(dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")));
export const duckdbVersion = JSON.parse(readFileSync(join(duckdbDir, "package.json"), "utf8")).version;
export const DUCKDB_VENDOR_PATH = `/vendor/duckdb/${duckdbVersion}`;
