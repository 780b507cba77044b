// `npm run bench -- console`: the console's budgets in Debian's Chromium (playwright-core) against the Worker under
// `wrangler dev` serving a fresh build of the console (the same set-up as the e2e tests, on its own port).
// (a) First-load JavaScript without DuckDB: per page, every same-origin .js file the browser loaded while opening
//     it in a fresh context (cold cache), each gzipped (zlib default level) and summed; DuckDB's lazy chunk (the one
//     holding DuckDB-WASM's API) and its worker script are left out and shown apart. Budget 200 KB on the largest
//     page. Baseline, same run: the SvelteKit runtime alone, the entry and shared chunks of /signin (a blank form).
// (b) DuckDB-WASM initialisation plus the first query on the Query page, median of 3 cold loads (fresh contexts):
//     the page's duckdb-start → duckdb-ready marks plus the first query's time as the page measured it. Budget 3 s.
//     Baseline, same run: fetching and compiling the engine alone (WebAssembly.compileStreaming on the same URL).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/lib/chromium.mjs";
import { DUCKDB_VENDOR_PATH } from "../scripts/lib/duckdb-package.mjs";
import { startConsoleWorker } from "../scripts/lib/console-worker.mjs";
import { seedDemo } from "../scripts/seed-demo.mjs";

const PORT = Number(process.env.BENCH_CONSOLE_PORT ?? 18797);
const PAGES = ["/", "/signin", "/graph", "/monitor", "/ontology", "/flow", "/query", "/agents"];
const JS_BUDGET_KB = 200;
const DUCKDB_BUDGET_MS = 3000;
const COLD_LOADS = 3;
const DUCKDB_CHUNK_MARKER = "insertArrowFromIPCStream";
const FIRST_QUERY = "SELECT stage, count(*) AS deals, sum(amount) AS amount FROM opportunity GROUP BY stage";

// the engine's URL as the console builds it (app/vite.config.ts)
const WASM_PATH = `${DUCKDB_VENDOR_PATH}/duckdb-eh.wasm`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

export async function consoleBench() {
  const scratch = mkdtempSync(join(tmpdir(), "autonomos-bench-console-"));
  let worker;
  let browser;
  try {
    worker = await startConsoleWorker({ port: PORT, scratch });
    const session = await demoTenant(worker.url);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const js = await firstLoadJs(browser, worker.url, session);
    const duckdb = await duckdbStart(browser, worker.url, session);
    return report(js, duckdb);
  } catch (error) {
    console.error(`console: ${error instanceof Error ? error.stack : error}`);
    return false;
  } finally {
    await browser?.close();
    worker?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The demo tenant (scripts/seed-demo.mjs), once its three views have rows, so the first query reads real data. */
async function demoTenant(baseUrl) {
  const credentials = { email: `bench-${Date.now()}@example.com`, password: "bench correct horse battery staple" };
  const log = console.log;
  console.log = () => {}; // the seed's progress lines are for `npm start`
  try {
    await seedDemo(baseUrl, credentials);
  } finally {
    console.log = log;
  }
  const session = await (await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(credentials),
  })).json();
  const deadline = Date.now() + 90_000;
  for (;;) {
    const entities = await (await fetch(`${baseUrl}/api/v1/dcl/catalog/entities`, { headers: { authorization: `Bearer ${session.access_token}` } })).json();
    if (entities.items.every((entity) => entity.rows.live > 0)) return session;
    if (Date.now() > deadline) throw new Error("the demo data did not reach all three views within 90 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A fresh context (empty cache) whose pages are signed in as `session`. */
async function freshContext(browser, baseUrl, session) {
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addInitScript((stored) => sessionStorage.setItem("autonomos.session", stored), JSON.stringify({
    access_token: session.access_token, refresh_token: session.refresh_token, expires_at: Date.now() + session.expires_in * 1000,
  }));
  return context;
}

/** Per page: the JS files (gzipped sizes) loaded on a cold first visit, DuckDB's apart. */
async function firstLoadJs(browser, baseUrl, session) {
  const origin = new URL(baseUrl).origin;
  const pages = [];
  for (const path of PAGES) {
    const context = await freshContext(browser, baseUrl, session);
    const files = new Map();
    context.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === origin && url.pathname.endsWith(".js") && response.status() === 200) files.set(url.pathname, response.body());
    });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: "networkidle" });
    if (path === "/query") await page.getByTestId("engine-ready").waitFor({ timeout: 60_000 });
    let console = 0;
    let duckdb = 0;
    let runtime = 0;
    for (const [pathname, body] of files) {
      const bytes = await body;
      const gz = gzipSync(bytes).byteLength;
      if (pathname.startsWith("/vendor/duckdb/") || bytes.includes(DUCKDB_CHUNK_MARKER)) duckdb += gz;
      else console += gz;
      if (/^\/_app\/immutable\/(entry|chunks)\//.test(pathname) && !bytes.includes(DUCKDB_CHUNK_MARKER)) runtime += gz;
    }
    pages.push({ path, files: files.size, gz: console, duckdb, runtime });
    await context.close();
  }
  return pages;
}

/** Median of cold loads: DuckDB's start-up plus the first query, and the engine's fetch + compile alone. */
async function duckdbStart(browser, baseUrl, session) {
  const runs = [];
  const compiles = [];
  for (let index = 0; index < COLD_LOADS; index++) {
    const context = await freshContext(browser, baseUrl, session);
    const page = await context.newPage();
    await page.goto("/query");
    await page.getByTestId("engine-ready").waitFor({ timeout: 60_000 });
    await page.getByTestId("table-opportunity").getByTestId("table-rows").waitFor({ timeout: 60_000 });
    const editor = page.getByRole("textbox", { name: /^SQL/ });
    await editor.fill(FIRST_QUERY);
    await editor.press("Control+Enter");
    const meta = await page.getByTestId("result-meta").textContent({ timeout: 60_000 });
    const query = Number(/in (\d+) ms/.exec(meta)?.[1]);
    const init = await page.evaluate(() => performance.measure("duckdb-init", "duckdb-start", "duckdb-ready").duration);
    if (!Number.isFinite(query) || !(init > 0)) throw new Error(`unreadable DuckDB timings: init ${init}, result "${meta}"`);
    runs.push({ init, query, total: init + query });
    await context.close();

    const bare = await freshContext(browser, baseUrl, session);
    const blank = await bare.newPage();
    await blank.goto("/signin");
    compiles.push(await blank.evaluate(async (url) => {
      const start = performance.now();
      await WebAssembly.compileStreaming(fetch(url));
      return performance.now() - start;
    }, WASM_PATH));
    await bare.close();
  }
  return { runs, compile: median(compiles) };
}

function report(pages, duckdb) {
  const largest = pages.reduce((a, b) => (b.gz > a.gz ? b : a));
  const runtime = pages.find((p) => p.path === "/signin").runtime;
  console.log(`\nconsole: first-load JavaScript without DuckDB (gzipped, zlib default level, cold cache)`);
  for (const p of pages) {
    const lazy = p.duckdb > 0 ? `  (+ DuckDB, lazy: ${kb(p.duckdb)} KB)` : "";
    console.log(`  ${p.path.padEnd(10)} ${kb(p.gz).padStart(7)} KB in ${p.files} files${lazy}`);
  }
  console.log(`  largest ${largest.path}: ${kb(largest.gz)} KB vs SvelteKit runtime alone (/signin entry + shared chunks) ${kb(runtime)} KB: ${(largest.gz / runtime).toFixed(2)}x`);
  console.log(`  budget ${JS_BUDGET_KB} KB: ${largest.gz <= JS_BUDGET_KB * 1024 ? "met" : "NOT MET"}`);

  const total = median(duckdb.runs.map((r) => r.total));
  const runs = duckdb.runs.map((r) => `${r.init.toFixed(0)} + ${r.query.toFixed(0)}`).join(", ");
  console.log(`\nconsole: DuckDB-WASM start-up + first query on /query, median of ${COLD_LOADS} cold loads`);
  console.log(`  init + first query ${total.toFixed(0)} ms (runs, init + query ms: ${runs})`);
  console.log(`  vs fetch + compile of the engine alone ${duckdb.compile.toFixed(0)} ms: ${(total / duckdb.compile).toFixed(2)}x`);
  console.log(`  budget ${DUCKDB_BUDGET_MS} ms: ${total <= DUCKDB_BUDGET_MS ? "met" : "NOT MET"}`);
  return true;
}
