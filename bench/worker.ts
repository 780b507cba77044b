/**
 * The production Worker (gateway, queue consumers, cron) plus benchmark-only routes, registered ahead of every
 * middleware unless stated otherwise. This entry is only ever run by `npm run bench`, never deployed:
 *   GET /api/v1/bench/bare          the tiny JSON the gateway benchmark uses as its baseline
 *   GET|POST /api/v1/bench          the same JSON behind the full stack (tracing, body guard, auth, rate limit,
 *                                   idempotency, audit)
 *   POST /api/v1/bench/mapping      mapping + validation against plain validation, timed in the isolate
 *   POST /api/v1/bench/raw-insert   the CSV ingest baseline: the same rows batch-inserted into D1
 * Behind the whole stack (the tenant is the caller's):
 *   /api/v1/bench/materialize/*     seed a canonical stream, materialize it (queue or in-isolate), count rows,
 *                                   the materializer's lag, clear, and the raw view-row insert baseline (routes/materialize.ts,
 *                                   routes/raw-view-insert.ts)
 *   POST /api/v1/bench/publish      /dcl changes published to the caller's TenantFeed, stamped (routes/publish.ts)
 * With the var BENCH_DCL = "paused", CANONICAL_QUEUE deliveries are put back for an hour instead of materialized:
 * the ingest benchmark's diagnostic run of the pipeline without the DCL sharing its workerd thread.
 * All live under /api/ so requests take the same path through the runtime (no static-asset lookup first).
 */
import { createApp } from "../workers/gateway/app";
import production from "../workers/index";
import { benchMapping } from "./routes/mapping";
import { benchClearViews, benchEnqueue, benchMaterializeDirect, benchMaterializeLag, benchSeed, benchViewRows } from "./routes/materialize";
import { benchPublish } from "./routes/publish";
import { benchRawViewInsert } from "./routes/raw-view-insert";
import { benchRawInsert } from "./routes/raw-insert";

export { TenantGate, TenantFeed } from "../workers/index";

const payload = { ok: true };
const app = createApp({
  beforeMiddleware: (a) => {
    a.get("/api/v1/bench/bare", (c) => c.json(payload));
    a.post("/api/v1/bench/mapping", benchMapping);
    a.post("/api/v1/bench/raw-insert", benchRawInsert);
  },
});
app.get("/api/v1/bench", (c) => c.json(payload));
app.post("/api/v1/bench", (c) => c.json(payload));
app.post("/api/v1/bench/materialize/seed", benchSeed);
app.post("/api/v1/bench/materialize/enqueue", benchEnqueue);
app.post("/api/v1/bench/materialize/direct", benchMaterializeDirect);
app.post("/api/v1/bench/materialize/raw-insert", benchRawViewInsert);
app.post("/api/v1/bench/materialize/clear", benchClearViews);
app.get("/api/v1/bench/materialize/rows", benchViewRows);
app.get("/api/v1/bench/materialize/lag", benchMaterializeLag);
app.post("/api/v1/bench/publish", benchPublish);

type BenchEnv = Cloudflare.Env & { BENCH_DCL?: string };

export default {
  ...production,
  fetch: app.fetch,
  queue: (batch, env: BenchEnv, ctx) => {
    if (env.BENCH_DCL === "paused" && batch.queue === "autonomos-canonical") return batch.retryAll({ delaySeconds: 3600 });
    return production.queue(batch, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
