/**
 * The gateway: one Hono app, middleware in the order the platform depends on, then the routes.
 *   tracing → body guard → auth → rate limit → idempotency → audit → route
 * The body guard sits before anything that reads the body (idempotency hashes it) and after tracing so even
 * a rejected body is traceable.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { App, AppEnv } from "./context";
import { onError, onNotFound } from "./errors";
import { validationHook } from "./validation";
import { tracing } from "./middleware/tracing";
import { bodyGuard } from "./middleware/body-guard";
import { auth } from "./middleware/auth";
import { rateLimit } from "./middleware/rate-limit";
import { idempotency } from "./middleware/idempotency";
import { audit } from "./middleware/audit";
import { registerRoutes } from "./routes";
import { FEED_PATHS } from "./routes/dcl/feeds";
import { registerOpenApi } from "./openapi";
import { registerCompressedWasm } from "../console/compressed-wasm";

export interface AppOptions {
  /** Registers routes ahead of every middleware; the benchmark's bare baseline route uses it. */
  beforeMiddleware?: (app: App) => void;
}

export function createApp(options: AppOptions = {}): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  options.beforeMiddleware?.(app);
  app.use("*", tracing());
  app.use("/api/*", bodyGuard(), auth(), rateLimit(), idempotency(), audit());
  // The WebSocket feeds are GETs without a body: only authentication and the rate limit apply to their upgrade.
  for (const path of FEED_PATHS) app.use(path, auth(), rateLimit());
  registerRoutes(app);
  registerCompressedWasm(app);
  registerOpenApi(app);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
