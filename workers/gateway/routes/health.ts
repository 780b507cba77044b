/** GET /api/v1/health: liveness plus a check of each binding the platform depends on. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../context";
import type { Env } from "../../env";
import { tenantGate } from "../../../durable-objects/tenant-gate";
import pkg from "../../../package.json";

const CheckSchema = z.object({
  status: z.enum(["ok", "down"]),
  latency_ms: z.number(),
  error: z.string().optional(),
});

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    checks: z.record(z.string(), CheckSchema),
  })
  .openapi("Health");

type Check = z.infer<typeof CheckSchema>;

const probes: Record<string, (env: Env) => Promise<unknown>> = {
  d1: (env) => env.DB.prepare("SELECT 1").first(),
  r2: (env) => env.FILES.head("health/probe"),
  durable_objects: (env) => tenantGate(env, "health").fetch("https://gate/ping"),
};

async function runProbe(probe: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  try {
    await probe();
    return { status: "ok", latency_ms: Date.now() - started };
  } catch (err) {
    return { status: "down", latency_ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) };
  }
}

const route = createRoute({
  method: "get",
  path: "/api/v1/health",
  tags: ["platform"],
  summary: "Service health and dependency checks",
  security: [],
  responses: {
    200: { description: "Every dependency answers", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "At least one dependency is down", content: { "application/json": { schema: HealthSchema } } },
  },
});

export const registerHealth = (app: App) =>
  app.openapi(route, async (c) => {
    const entries = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => [name, await runProbe(() => probe(c.env))] as const),
    );
    const checks = Object.fromEntries(entries);
    const healthy = entries.every(([, check]) => check.status === "ok");
    const body = { status: healthy ? ("ok" as const) : ("degraded" as const), version: pkg.version, checks };
    return healthy ? c.json(body, 200) : c.json(body, 503);
  });
