import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";

// placeholder: implemented by the idempotency work package
export const idempotency = () => createMiddleware<AppEnv>(async (_c, next) => next());
