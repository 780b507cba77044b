/**
 * Rate limit: one token taken per request from the gate's bucket (the tenant's plan, or the anonymous policy per
 * client address), in a single Durable Object call. Every response carries the RateLimit headers; an empty
 * bucket answers 429 with Retry-After before the request goes any further.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";
import { requestGate } from "../../gate";
import { ProblemError } from "../../problem";
import { rateLimitHeaders } from "./headers";

export const rateLimit = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const decision = await requestGate(c).rateLimit(c.get("principal")?.plan ?? "anonymous");
    const headers = rateLimitHeaders(decision);
    if (!decision.allowed) {
      const retryAfter = String(decision.retryAfterSeconds);
      throw new ProblemError("rate-limited", `The ${decision.policy} rate limit is exhausted; retry in ${retryAfter} s`, {
        headers: { ...headers, "Retry-After": retryAfter },
      });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  });
