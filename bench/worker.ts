/**
 * The production Worker plus two benchmark routes that return the same tiny JSON:
 *   GET /api/v1/bench/bare  registered ahead of every middleware (the baseline)
 *   GET|POST /api/v1/bench  behind the full stack: tracing, body guard, auth, rate limit, idempotency, audit
 * Both live under /api/ so requests take the same path through the runtime (no static-asset lookup first).
 */
import { createApp } from "../workers/gateway/app";

export { TenantGate, TenantFeed } from "../workers/index";

const payload = { ok: true };
const app = createApp({ beforeMiddleware: (a) => a.get("/api/v1/bench/bare", (c) => c.json(payload)) });
app.get("/api/v1/bench", (c) => c.json(payload));
app.post("/api/v1/bench", (c) => c.json(payload));

export default { fetch: app.fetch } satisfies ExportedHandler<Cloudflare.Env>;
