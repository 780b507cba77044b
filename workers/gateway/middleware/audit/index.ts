import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";

// placeholder: implemented by the audit work package
export const audit = () => createMiddleware<AppEnv>(async (_c, next) => next());
