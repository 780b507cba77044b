import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// `vite dev` (in app/) proxies the API and the feeds to a running Worker (`npm start`), for fast UI iteration.
const api = process.env.CONSOLE_API ?? "http://127.0.0.1:8787";

// The Query page loads DuckDB's worker and engine from /vendor/duckdb/<version>/ (scripts/vendor-duckdb.mjs puts them
// there): the installed package's version, fixed at build time. Its package.json is not exported, hence the path.
const duckdbDir = dirname(dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")));
const duckdbVersion: string = JSON.parse(readFileSync(join(duckdbDir, "package.json"), "utf8")).version;

export default defineConfig({
  plugins: [sveltekit()],
  define: { __DUCKDB_VERSION__: JSON.stringify(duckdbVersion) },
  server: {
    proxy: {
      "/api": api,
      "/vendor/duckdb": api,
      "/dcl": { target: api, ws: true },
      "/live-flow": { target: api, ws: true },
    },
  },
  // the DuckDB chunk is big by nature (it loads lazily); rolldown's plugin-timing report is noise in test output
  build: { chunkSizeWarningLimit: 1000, rolldownOptions: { checks: { bundlerTimings: false } } },
});
