/**
 * Authorization checks for routes, attached through createRoute's `middleware` option so each route file shows
 * what it requires. They run after the auth middleware, so a caller is always known here.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";
import type { Principal, Scope } from "../../../auth/principal";
import { ProblemError } from "../../problem";

/** The authenticated caller; only public routes run without one, and they do not call this. */
export function callerOf(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (principal === undefined) throw new ProblemError("unauthorized", "This call requires authentication");
  return principal;
}

/** 403 unless the caller holds the scope (admins hold every scope, members a read-only set, keys their own). */
export const requireScope = (scope: Scope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!callerOf(c).scopes.includes(scope)) throw new ProblemError("forbidden", `This call requires the ${scope} scope`);
    await next();
  });

/** 403 unless the caller is a signed-in admin: API keys can never manage credentials, whatever their scopes. */
export const requireAdminUser = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const caller = callerOf(c);
    if (caller.kind !== "user" || caller.role !== "admin") {
      throw new ProblemError("forbidden", "Only an admin user, signed in with an access token, may do this");
    }
    await next();
  });
