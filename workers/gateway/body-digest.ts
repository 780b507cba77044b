/**
 * SHA-256 of the request body, computed once per request: idempotency fingerprints it and the audit log records it.
 * Reading through Hono's body cache leaves the body readable for the route's validator. A streamed upload's body
 * is not read here (that would buffer the whole file): its digest is null.
 */
import type { Context } from "hono";
import { sha256Hex } from "../platform/crypto";
import { streamedRoute } from "./middleware/body-guard";

const digests = new WeakMap<Request, Promise<string | null>>();

export function bodyDigest(c: Context): Promise<string | null> {
  let digest = digests.get(c.req.raw);
  if (digest === undefined) {
    digest = streamedRoute(c.req.path) === undefined ? c.req.arrayBuffer().then(sha256Hex) : Promise.resolve(null);
    digests.set(c.req.raw, digest);
  }
  return digest;
}
