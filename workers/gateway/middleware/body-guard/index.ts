/**
 * Body guard: caps request bodies (413) and requires JSON on mutating API calls that carry a body (415), before
 * anything reads or hashes the body. Routes that accept other media types (file uploads, NDJSON push ingest) are
 * listed explicitly with every type they take.
 */
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../context";
import { ProblemError } from "../../problem";
import { isMutating } from "../../methods";

const JSON_MEDIA = /^application\/([a-z0-9.+-]+\+)?json$/;

/** Cloudflare's request body limit on every plan: the ceiling for a streamed upload. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

interface NonJsonRoute {
  pattern: RegExp;
  media: RegExp;
  /**
   * Set for routes that stream the body to storage: it is never buffered (nor digested), must declare its
   * Content-Length (R2 needs the length up front), and is capped at this many bytes instead of MAX_BODY_BYTES.
   */
  streamedMaxBytes?: number;
}

/** Path patterns (regexes over the request path) that accept non-JSON bodies, with the media types they take. */
export const nonJsonRoutes: NonJsonRoute[] = [
  {
    pattern: /^\/api\/v1\/aam\/connections\/[^/]+\/files$/,
    media: /^(text\/csv|text\/tab-separated-values|text\/plain|application\/x-ndjson|application\/octet-stream)$/,
    streamedMaxBytes: MAX_UPLOAD_BYTES,
  },
  // Push ingest takes NDJSON as well as JSON; either is buffered and capped like any JSON body.
  { pattern: /^\/api\/v1\/aam\/ingest\/[^/]+$/, media: /^(application\/json|application\/x-ndjson)$/ },
];

/** The streamed-upload route the path belongs to, if any. */
export function streamedRoute(path: string): NonJsonRoute | undefined {
  return nonJsonRoutes.find((r) => r.streamedMaxBytes !== undefined && r.pattern.test(path));
}

function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return req.headers.has("transfer-encoding") || req.body !== null;
}

export const bodyGuard = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!isMutating(c.req.method) || !hasBody(c.req.raw)) return next();
    const maxSize = Number(c.env.MAX_BODY_BYTES);
    const media = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const route = nonJsonRoutes.find((r) => r.pattern.test(c.req.path));
    const accepted = route === undefined ? JSON_MEDIA.test(media) : route.media.test(media);
    if (!accepted) {
      throw new ProblemError(
        "unsupported-media-type",
        media === "" ? "A Content-Type header is required for a request body" : `Content-Type ${media} is not accepted here`,
      );
    }
    if (route?.streamedMaxBytes !== undefined) return streamedLimit(c.req.raw, route.streamedMaxBytes, next);
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ProblemError("payload-too-large", `The body exceeds ${maxSize} bytes`);
      },
    })(c, next);
  });

/** A streamed body's declared length is checked up front; the runtime holds the body to exactly that length. */
function streamedLimit(req: Request, maxBytes: number, next: () => Promise<void>): Promise<void> {
  const length = req.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) {
    throw new ProblemError("length-required", "An upload must declare its Content-Length");
  }
  if (Number(length) > maxBytes) throw new ProblemError("payload-too-large", `The upload exceeds ${maxBytes} bytes`);
  return next();
}
