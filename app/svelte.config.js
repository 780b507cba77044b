// The console is a single-page app built to static files that the Worker serves at `/` (wrangler.toml [assets]),
// same origin as the API. CONSOLE_OUT / CONSOLE_KIT_DIR let a test or benchmark build into its own directories
// while someone else builds the default ones (scripts/build-console.mjs).
import adapter from "@sveltejs/adapter-static";

const out = process.env.CONSOLE_OUT ?? "build";

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ pages: out, assets: out, fallback: "index.html", strict: true }),
    outDir: process.env.CONSOLE_KIT_DIR ?? ".svelte-kit",
    // /dcl and /live-flow are the Worker's WebSocket feeds: console pages live elsewhere (see wrangler.toml)
    paths: { relative: false },
    // the API's zod schemas are the console's types too (`import type`, erased from the bundle)
    alias: { $workers: "../workers" },
  },
};
