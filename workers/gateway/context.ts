/** What the middleware chain puts on the request context, typed once for every route and middleware. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "../env";
import type { Logger } from "../platform/log";
import type { Principal } from "../auth/principal";
import type { TraceContext } from "./middleware/tracing";

export type AppEnv = {
  Bindings: Env;
  Variables: {
    trace: TraceContext;
    log: Logger;
    /** Set by the auth middleware (or by register/login once they know who the caller is). */
    principal: Principal | undefined;
  };
};

export type App = OpenAPIHono<AppEnv>;
