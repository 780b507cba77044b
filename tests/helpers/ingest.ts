/** Signed push-ingest requests, the way a webhook sender builds them. */
import { sign } from "../../workers/aam/pipeline/ingest-signature";
import { call } from "./http";

export const SIGNING_SECRET = "whsec_test_0123456789abcdef";

export async function signedHeader(body: string, secret = SIGNING_SECRET, at = new Date()): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${await sign(secret, t, body)}`;
}

export function pushIngest(connectionId: string, body: string, signature: string | undefined) {
  return call(`/api/v1/aam/ingest/${connectionId}`, {
    body,
    headers: signature === undefined ? {} : { "x-autonomos-signature": signature },
  });
}
