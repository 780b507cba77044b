/**
 * What makes two requests "the same" for one Idempotency-Key: method, path with query, and the body. The body
 * enters through the digest the gateway computes once per request (the audit log records the same digest); a
 * streamed upload, which is never buffered, enters by its declared length and media type instead.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../context";
import { bodyDigest } from "../../body-digest";
import { sha256Hex } from "../../../platform/crypto";

export async function requestFingerprint(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  const body = (await bodyDigest(c)) ?? `streamed:${c.req.header("content-length")}:${c.req.header("content-type")}`;
  return sha256Hex([c.req.method, url.pathname + url.search, body].join("\n"));
}
