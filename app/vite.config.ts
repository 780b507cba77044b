import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// `vite dev` (in app/) proxies the API and the feeds to a running Worker (`npm start`), for fast UI iteration.
const api = process.env.CONSOLE_API ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      "/api": api,
      "/vendor/duckdb": api,
      "/dcl": { target: api, ws: true },
      "/live-flow": { target: api, ws: true },
    },
  },
  build: { chunkSizeWarningLimit: 1000 },
});
