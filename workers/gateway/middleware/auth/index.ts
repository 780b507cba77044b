import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";

// placeholder: implemented by the auth work package
export const auth = () => createMiddleware<AppEnv>(async (_c, next) => next());
