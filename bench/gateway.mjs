// `npm run bench -- gateway`: the gateway's middleware overhead. Starts the bench Worker locally (Miniflare, workerd)
// with the benchmark routes, then measures the bare route and the full stack in the same run, interleaved over
// several rounds, and prints the median of each with their ratio. It runs twice: with the default LOG_LEVEL=info
// (one log line per request, written to the local process's output) and with LOG_LEVEL=warn.
import { withBenchWorker } from "./lib/bench-worker.mjs";
import { median } from "./lib/stats.mjs";
import { enterpriseToken } from "./lib/tenant.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const AMOUNT = Number(process.env.BENCH_REQUESTS ?? 800); // per scenario and round; all rounds stay under the enterprise burst
// One request in flight by default: on a 2-core machine shared by the load generator, wrangler and workerd, more
// concurrency measures CPU scheduling rather than the middleware.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);

/** Prints the figures; resolves false if any request failed (the figures are then not valid). */
export async function gatewayBench() {
  const runs = [];
  for (const vars of [{}, { LOG_LEVEL: "warn" }]) runs.push({ vars, results: await measure(vars) });

  console.log(`\nGateway benchmark: ${ROUNDS} interleaved rounds x ${AMOUNT} requests per scenario, ${CONNECTIONS} connections, local workerd (Miniflare)`);
  let failed = false;
  for (const { vars, results } of runs) {
    console.log(`\nLOG_LEVEL=${vars.LOG_LEVEL ?? "info"}   (median over rounds)`);
    console.log("scenario                                   req/s     p50 ms   p99 ms   non-2xx");
    for (const r of results) {
      console.log(`${r.name.padEnd(42)} ${String(Math.round(r.rps)).padStart(6)}  ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}   ${r.non2xx}`);
      failed ||= r.non2xx > 0;
    }
    const [bare, get, post] = results;
    const ratio = get.p50 / bare.p50;
    console.log(`full-stack GET p50 / bare p50 = ${ratio.toFixed(2)}x (target <= 2x: ${ratio <= 2 ? "met" : "NOT met"}), +${(get.p50 - bare.p50).toFixed(2)} ms`);
    console.log(`full-stack POST p50 / bare p50 = ${(post.p50 / bare.p50).toFixed(2)}x, +${(post.p50 - bare.p50).toFixed(2)} ms`);
  }
  if (failed) console.error("some requests failed; the figures above are not valid");
  return !failed;
}

async function measure(vars) {
  return withBenchWorker(vars, async (worker) => {
    const [tokenA, tokenB] = [await enterpriseToken(worker, "a"), await enterpriseToken(worker, "b")];
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
    for (const scenario of scenarios) await load(worker.url, scenario, 150); // warm-up: isolates, JIT, Durable Objects
    const samples = scenarios.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, scenario] of scenarios.entries()) samples[i].push(await load(worker.url, scenario, AMOUNT));
    }
    return scenarios.map((scenario, i) => ({
      name: scenario.name,
      rps: median(samples[i].map((r) => r.rps)),
      p50: median(samples[i].map((r) => r.p50)),
      p99: median(samples[i].map((r) => r.p99)),
      non2xx: samples[i].reduce((sum, r) => sum + r.non2xx, 0),
    }));
  });
}

/** Sends `amount` requests over CONNECTIONS keep-alive loops; latency is measured per request with a µs clock. */
async function load(url, scenario, amount) {
  const latencies = [];
  let issued = 0;
  let non2xx = 0;
  const started = performance.now();
  const loop = async () => {
    while (issued < amount) {
      const n = issued++;
      const headers = { ...scenario.headers, ...(scenario.idempotent ? { "idempotency-key": `bench-${started}-${n}` } : {}) };
      const t0 = performance.now();
      const res = await fetch(url + scenario.path, { method: scenario.method ?? "GET", headers, body: scenario.body });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status < 200 || res.status > 299) non2xx++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: amount / seconds, p50: at(0.5), p99: at(0.99), non2xx };
}
