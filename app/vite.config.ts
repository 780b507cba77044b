import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";
import { DUCKDB_VENDOR_PATH } from "../scripts/lib/duckdb-package.mjs";

// `vite dev` (in app/) proxies the API and the feeds to a running Worker (`npm start`), for fast UI iteration.
const api = process.env.CONSOLE_API ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [sveltekit()],
  // the Query page loads DuckDB's worker and engine from /vendor/duckdb/<installed version>/, fixed at build time
  define: { __DUCKDB_VENDOR__: JSON.stringify(DUCKDB_VENDOR_PATH) },
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
