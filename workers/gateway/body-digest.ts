/**
 * SHA-256 of the request body, computed once per request: idempotency fingerprints it and the audit log records it.
 * Reading through Hono's body cache leaves the body readable for the route's validator.
 */
import type { Context } from "hono";
import { sha256Hex } from "../platform/crypto";

const digests = new WeakMap<Request, Promise<string>>();

export function bodyDigest(c: Context): Promise<string> {
  let digest = digests.get(c.req.raw);
  if (digest === undefined) {
    digest = c.req.arrayBuffer().then(sha256Hex);
    digests.set(c.req.raw, digest);
  }
  return digest;
}
