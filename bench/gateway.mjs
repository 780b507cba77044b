// `npm run bench`: the gateway's middleware overhead. Starts the Worker locally (wrangler dev, workerd) with the
// benchmark routes, then measures the bare route and the full stack in the same run and prints their ratio.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { ensureDevVars } from "../scripts/lib/dev-vars.mjs";
import { applyMigrations, startWorker } from "../scripts/lib/local-worker.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 18787);
const AMOUNT = Number(process.env.BENCH_REQUESTS ?? 2500); // + warm-up stays under the enterprise burst: no 429s
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const persistTo = mkdtempSync(join(tmpdir(), "autonomos-bench-"));

ensureDevVars();
applyMigrations({ persistTo });
const worker = await startWorker({ port: PORT, persistTo, script: "bench/worker.ts", quiet: true });

try {
  const tokenA = await enterpriseToken("a");
  const tokenB = await enterpriseToken("b");
  const scenarios = [
    { name: "bare route (no middleware)", path: "/api/v1/bench/bare" },
    { name: "full stack GET (auth + rate limit)", path: "/api/v1/bench", headers: { authorization: `Bearer ${tokenA}` } },
    {
      name: "full stack POST (+ idempotency + audit)",
      path: "/api/v1/bench",
      method: "POST",
      body: "{}",
      headers: { authorization: `Bearer ${tokenB}`, "content-type": "application/json" },
      idempotent: true,
    },
  ];
  for (const scenario of scenarios) await run(scenario, 200); // warm-up: isolate start, JIT, Durable Objects
  const results = [];
  for (const scenario of scenarios) results.push({ scenario, result: await run(scenario, AMOUNT) });

  console.log(`\nGateway benchmark: ${AMOUNT} requests per scenario, ${CONNECTIONS} connections, local workerd\n`);
  console.log("scenario                                   req/s     p50 ms   p99 ms   non-2xx");
  for (const { scenario, result } of results) {
    const l = result.latency;
    console.log(`${scenario.name.padEnd(42)} ${String(Math.round(result.requests.average)).padStart(6)}  ${l.p50.toFixed(2).padStart(8)} ${l.p99.toFixed(2).padStart(8)}   ${result.non2xx}`);
  }
  const bare = results[0].result.latency.p50;
  const full = results[1].result.latency.p50;
  const ratio = full / Math.max(bare, 0.01);
  console.log(`\nfull-stack GET p50 / bare p50 = ${ratio.toFixed(2)}x (target <= 2x) ${ratio <= 2 ? "MET" : "NOT MET"}`);
  console.log(`full-stack POST p50 / bare p50 = ${(results[2].result.latency.p50 / Math.max(bare, 0.01)).toFixed(2)}x`);
  if (results.some(({ result }) => result.non2xx > 0)) {
    console.error("some requests failed; the figures above are not valid");
    process.exitCode = 1;
  }
} finally {
  worker.stop();
  rmSync(persistTo, { recursive: true, force: true });
}

async function enterpriseToken(label) {
  const email = `bench-${label}-${Date.now()}@autonomos.dev`;
  const password = "bench-password-long-enough";
  const headers = { "content-type": "application/json" };
  const reg = await fetch(`${worker.url}/api/v1/auth/register`, {
    method: "POST", headers, body: JSON.stringify({ email, password, tenant_name: `Bench ${label}` }),
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
  const { tenant } = await reg.json();
  // The benchmark measures overhead, not the plan's limits: give its tenants the largest plan.
  const sql = `UPDATE tenants SET plan = 'enterprise' WHERE id = '${tenant.id}'`;
  const update = spawnSync(new URL("../node_modules/.bin/wrangler", import.meta.url).pathname,
    ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", sql], { env: { ...process.env, CI: "1" } });
  if (update.status !== 0) throw new Error(`plan update failed: ${update.stderr}`);
  const login = await fetch(`${worker.url}/api/v1/auth/login`, { method: "POST", headers, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  return (await login.json()).access_token;
}

function run(scenario, amount) {
  let n = 0;
  return autocannon({
    url: worker.url + scenario.path,
    amount,
    connections: CONNECTIONS,
    method: scenario.method ?? "GET",
    headers: scenario.headers ?? {},
    body: scenario.body,
    requests: scenario.idempotent
      ? [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "idempotency-key": `bench-${Date.now()}-${n++}` } }) }]
      : undefined,
  });
}
