/**
 * What makes two requests "the same" for one Idempotency-Key: method, path with query, and the body. The body
 * enters through the digest the gateway computes once per request (the audit log records the same digest).
 */
import type { Context } from "hono";
import type { AppEnv } from "../../context";
import { bodyDigest } from "../../body-digest";
import { sha256Hex } from "../../../platform/crypto";

export async function requestFingerprint(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  return sha256Hex([c.req.method, url.pathname + url.search, await bodyDigest(c)].join("\n"));
}
