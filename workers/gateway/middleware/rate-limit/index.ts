import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";

// placeholder: implemented by the rate-limit work package
export const rateLimit = () => createMiddleware<AppEnv>(async (_c, next) => next());
