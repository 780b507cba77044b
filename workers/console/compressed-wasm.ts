/**
 * GET /vendor/duckdb/<version>/<name>.wasm: DuckDB-WASM's engine for the console's Query page. It is stored gzipped
 * among the static assets (too big for Workers Static Assets uncompressed: scripts/vendor-duckdb.mjs) and served
 * here with Content-Encoding: gzip, so the browser inflates it while compiling and caches it for good (the path
 * carries the version).
 */
import type { App } from "../gateway/context";

export const COMPRESSED_WASM_PATH = "/vendor/duckdb/:version/:file{[a-z0-9-]+\\.wasm}";

export const registerCompressedWasm = (app: App) =>
  app.get(COMPRESSED_WASM_PATH, async (c) => {
    const gz = await c.env.ASSETS.fetch(new URL(`${c.req.path}.gz`, c.req.url));
    if (gz.status !== 200 || gz.body === null) return c.notFound();
    return new Response(gz.body, {
      headers: {
        "Content-Type": "application/wasm",
        "Content-Encoding": "gzip",
        "Cache-Control": "public, max-age=31536000, immutable",
      },
      // the body is already gzip: the runtime must send it as is, not compress (or re-compress) it
      encodeBody: "manual",
    });
  });
