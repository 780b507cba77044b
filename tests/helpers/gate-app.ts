/**
 * A miniature gateway for the rate-limit and idempotency middleware tests: the real tracing, rate-limit and
 * idempotency middleware and the real error handlers around routes the test defines, with the caller taken from a
 * test header instead of the auth middleware, so each request can act as any tenant, actor and plan.
 */
import { env } from "cloudflare:test";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { Principal } from "../../workers/auth/principal";
import type { AppEnv } from "../../workers/gateway/context";
import { onError, onNotFound } from "../../workers/gateway/errors";
import { tracing } from "../../workers/gateway/middleware/tracing";
import { rateLimit } from "../../workers/gateway/middleware/rate-limit";
import { idempotency } from "../../workers/gateway/middleware/idempotency";
import { newId } from "../../workers/platform/ids";

const PRINCIPAL_HEADER = "x-test-principal";

const stubAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header(PRINCIPAL_HEADER);
    c.set("principal", header === undefined ? undefined : (JSON.parse(header) as Principal));
    return next();
  });

export function gateApp(registerRoutes: (app: Hono<AppEnv>) => void) {
  const app = new Hono<AppEnv>();
  app.use("*", tracing(), stubAuth(), rateLimit(), idempotency());
  registerRoutes(app);
  app.onError(onError);
  app.notFound(onNotFound);
  return async (path: string, init?: RequestInit): Promise<Response> => app.request(`https://api.test${path}`, init, env);
}

/** A caller of a fresh tenant, so tests sharing a file's storage never share a gate unless they mean to. */
export function newPrincipal(overrides: Partial<Principal> = {}): Principal {
  return { kind: "api_key", actorId: newId("key"), tenantId: newId("ten"), plan: "free", role: undefined, scopes: [], ...overrides };
}

/** The request headers that make the stub auth treat the request as `principal`'s. */
export function as(principal: Principal): Record<string, string> {
  return { [PRINCIPAL_HEADER]: JSON.stringify(principal) };
}

/** Headers of an unauthenticated client at `address` (what Cloudflare's edge puts in cf-connecting-ip). */
export function anonymousFrom(address: string): Record<string, string> {
  return { "cf-connecting-ip": address };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
