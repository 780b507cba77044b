/** Signed push-ingest requests, the way a webhook sender builds them. */
import { sign } from "../../workers/aam/pipeline/ingest-signature";
import { call } from "./http";

export const SIGNING_SECRET = "whsec_test_0123456789abcdef";

export async function signedHeader(body: string, secret = SIGNING_SECRET, at = new Date()): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${await sign(secret, t, body)}`;
}

export function pushIngest(connectionId: string, body: string, signature: string | undefined, init: { query?: string; contentType?: string } = {}) {
  const query = init.query === undefined ? "" : `?${init.query}`;
  return call(`/api/v1/aam/ingest/${connectionId}${query}`, {
    body,
    headers: {
      ...(signature === undefined ? {} : { "x-autonomos-signature": signature }),
      ...(init.contentType === undefined ? {} : { "content-type": init.contentType }),
    },
  });
}

/** An NDJSON delivery: `lines` joined with "\n", object and entity in the query. */
export function pushNdjson(connectionId: string, body: string, signature: string | undefined, query = "object=Account&entity=account") {
  return pushIngest(connectionId, body, signature, { query, contentType: "application/x-ndjson" });
}
