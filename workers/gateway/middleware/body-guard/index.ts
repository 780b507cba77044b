/**
 * Body guard: caps request bodies (413) and requires JSON on mutating API calls that carry a body (415), before
 * anything reads or hashes the body. Routes that accept other media types (file uploads) are listed explicitly.
 */
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../context";
import { ProblemError } from "../../problem";
import { isMutating } from "../../methods";

const JSON_MEDIA = /^application\/([a-z0-9.+-]+\+)?json$/;

/** Path patterns (regexes over the request path) that accept non-JSON bodies, with the media types they take. */
export const nonJsonRoutes: { pattern: RegExp; media: RegExp }[] = [];

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
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ProblemError("payload-too-large", `The body exceeds ${maxSize} bytes`);
      },
    })(c, next);
  });
