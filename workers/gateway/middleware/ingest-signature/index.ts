/**
 * Ingest signature: authenticates a push-ingest request (a public route: no bearer token) by its HMAC signature
 * under the named connection's signing secret, before its body is parsed. An unknown connection, one without a
 * signing secret and a wrong signature all get the same 401, so the route does not tell whether a connection id
 * exists. A replayed signature is 401 too. The verified connection is handed to the route (`ingestConnectionOf`).
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../context";
import { ProblemError } from "../../problem";
import { connectionForIngest } from "../../../auth/identity";
import { openConnectionSecrets } from "../../../aam/connections/secrets";
import { SIGNATURE_HEADER, SIGNING_SECRET_NAME, parseSignature, signatureMatches } from "../../../aam/pipeline/ingest-signature";
import { claimSignature, settleSignature } from "../../../aam/pipeline/ingest-replay";
import { database } from "../../../platform/db";
import type { ConnectionRow } from "../../../platform/db/schema";
import { errorFields } from "../../../platform/log";

const verified = new WeakMap<Request, ConnectionRow>();

const NOT_VERIFIED = "The signature does not verify for this connection";

/** The connection the request was verified for; only routes behind ingestSignature() call this. */
export function ingestConnectionOf(c: Context<AppEnv>): ConnectionRow {
  const connection = verified.get(c.req.raw);
  if (connection === undefined) throw new ProblemError("invalid-credentials", NOT_VERIFIED);
  return connection;
}

export const ingestSignature = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const signature = parseSignature(c.req.header(SIGNATURE_HEADER), new Date());
    const body = await c.req.text();
    const connection = await connectionForIngest(database(c.env.DB), c.req.param("connection_id") ?? "");
    const secret = connection === undefined ? undefined : (await openConnectionSecrets(c.env, connection))?.[SIGNING_SECRET_NAME];
    if (connection === undefined || secret === undefined || !(await signatureMatches(secret, signature, body))) {
      throw new ProblemError("invalid-credentials", NOT_VERIFIED);
    }
    if (!(await claimSignature(c.env, connection.tenantId, connection.id, signature.v1))) {
      throw new ProblemError("invalid-credentials", "This signature was already used; sign each delivery anew");
    }
    verified.set(c.req.raw, connection);
    let accepted = false;
    try {
      await next();
      accepted = c.res.status < 400;
    } finally {
      await settleSignature(c.env, connection.tenantId, connection.id, signature.v1, accepted).catch((err) =>
        c.get("log").error("ingest signature record not settled", errorFields(err)),
      );
    }
  });
