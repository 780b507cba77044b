// GET /vendor/duckdb/<version>/<name>.wasm: the engine stored gzipped among the static assets, served as is with
// Content-Encoding: gzip. Through the whole Worker with the real ASSETS binding (app/build, vendored by
// scripts/vendor-duckdb.mjs), and through the app with a stub ASSETS to pin the refusals.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import duckdbPackage from "../../node_modules/@duckdb/duckdb-wasm/package.json";
import { createApp } from "../../workers/gateway/app";
import type { Env } from "../../workers/env";
import { call } from "../helpers/http";

const WASM = `/vendor/duckdb/${duckdbPackage.version}/duckdb-eh.wasm`;
const GZIP_MAGIC = [0x1f, 0x8b];

/** The app with ASSETS answering only the given paths, recording what it was asked for. */
function appWithAssets(files: Record<string, Uint8Array>) {
  const asked: string[] = [];
  const assets = {
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      asked.push(path);
      const file = files[path];
      return file === undefined ? new Response("not found", { status: 404 }) : new Response(file);
    },
  } as unknown as Fetcher;
  const app = createApp();
  return {
    asked,
    get: async (path: string) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`https://console.test${path}`), { ...env, ASSETS: assets } as Env, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
  };
}

describe("compressed DuckDB wasm", () => {
  it("serves the vendored engine from the real assets as gzip, cacheable for good", async () => {
    const res = await call(WASM);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/wasm");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // the runtime's fetch inflates a gzip-encoded answer, as a browser does: what arrives is the whole engine
    // (33 MiB, far more than the 7.7 MB stored), so the body sent was the stored gzip, compressed once
    const wasm = new Uint8Array(await res.arrayBuffer());
    expect([...wasm.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(wasm.byteLength).toBeGreaterThan(30 * 1024 * 1024);
  });

  it("answers the stored .gz body unchanged with gzip headers", async () => {
    const stored = new Uint8Array([...GZIP_MAGIC, 8, 0, 1, 2, 3]);
    const app = appWithAssets({ "/vendor/duckdb/9.9.9/duckdb-eh.wasm.gz": stored });
    const res = await app.get("/vendor/duckdb/9.9.9/duckdb-eh.wasm");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(stored);
    expect(app.asked).toEqual(["/vendor/duckdb/9.9.9/duckdb-eh.wasm.gz"]);
  });

  it("is a 404 for a version or engine that is not stored", async () => {
    const app = appWithAssets({});
    for (const path of ["/vendor/duckdb/0.0.1/duckdb-eh.wasm", "/vendor/duckdb/9.9.9/duckdb-mvp.wasm"]) {
      const res = await app.get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-encoding")).toBeNull();
    }
    expect(app.asked).toEqual(["/vendor/duckdb/0.0.1/duckdb-eh.wasm.gz", "/vendor/duckdb/9.9.9/duckdb-mvp.wasm.gz"]);
  });

  it("refuses names that are not a plain .wasm file without asking the assets", async () => {
    const app = appWithAssets({ "/vendor/duckdb/9.9.9/duckdb-browser-eh.worker.js.gz": new Uint8Array(GZIP_MAGIC) });
    for (const path of [
      "/vendor/duckdb/9.9.9/duckdb-browser-eh.worker.js",
      "/vendor/duckdb/9.9.9/Duckdb.wasm",
      "/vendor/duckdb/9.9.9/duckdb-eh.wasm.gz",
      "/vendor/duckdb/9.9.9/x/duckdb-eh.wasm",
      "/vendor/duckdb/duckdb-eh.wasm",
    ]) {
      expect((await app.get(path)).status, path).toBe(404);
    }
    expect(app.asked).toEqual([]);
  });
});
