/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), structured-field form:
 *   RateLimit-Policy: "<policy>";q=<quota>;w=<window seconds>
 *   RateLimit: "<policy>";r=<remaining>;t=<seconds until the quota is fully restored>
 */
import type { RateLimitDecision } from "../../../../durable-objects/tenant-gate/rate-limit";

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const name = `"${decision.policy}"`;
  return {
    "RateLimit-Policy": `${name};q=${decision.limit};w=${decision.windowSeconds}`,
    RateLimit: `${name};r=${decision.remaining};t=${decision.resetSeconds}`,
  };
}
