/**
 * Idempotency: a mutating request carrying an Idempotency-Key runs at most once per key, scoped to the caller's
 * gate (tenant or anonymous address) and actor. The TenantGate claims the key atomically: a completed request's
 * response is replayed for 24 h without running the handler, a duplicate still in flight gets 409, the key reused
 * for a different request 422. A 5xx releases the key so the client may retry. Requests without the header pass.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";
import { requestGate } from "../../gate";
import { isMutating } from "../../methods";
import { ProblemError } from "../../problem";
import { errorFields } from "../../../platform/log";
import { parseIdempotencyKey } from "./key";
import { requestFingerprint } from "./fingerprint";
import { replayResponse, storedResponse } from "./stored-response";

export const idempotency = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("idempotency-key");
    if (!isMutating(c.req.method) || header === undefined) return next();
    const key = parseIdempotencyKey(header);
    // Resolved once, before the route runs: sign-in sets a principal, but a key must settle in the gate it began in.
    const gate = requestGate(c);
    // Actor ids are prefixed (`usr_…`, `key_…`) and never contain ':', so the scoped key is unambiguous.
    const scopedKey = `${c.get("principal")?.actorId ?? "anonymous"}:${key}`;
    const begun = await gate.beginIdempotent(scopedKey, await requestFingerprint(c));
    switch (begun.state) {
      case "replay":
        return replayResponse(begun.response);
      case "in_flight":
        throw new ProblemError(
          "idempotency-in-flight",
          "A request with this Idempotency-Key is still being processed; retry once it completes",
        );
      case "mismatch":
        throw new ProblemError(
          "idempotency-key-reused",
          "This Idempotency-Key was already used with a different method, path or body",
        );
      case "started":
        break;
    }
    await next();
    try {
      if (c.res.status >= 500) await gate.releaseIdempotent(scopedKey);
      else await gate.completeIdempotent(scopedKey, await storedResponse(c.res));
    } catch (err) {
      // The handler ran: its response still goes out. The key stays claimed until its in-flight lease ends.
      c.get("log").error("idempotency record not settled", errorFields(err));
    }
  });
