/**
 * Push-ingest signatures, Stripe-style: `X-AutonomOS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw
 * body>">` under the connection's `ingest_signing_secret` (set like any secret: PATCH the connection's `secrets`).
 * The timestamp must be within ±5 minutes, so a captured request is only replayable inside that window, and the
 * gateway remembers each signature it accepted (ingest-replay.ts) so it is not replayable at all.
 */
import { ProblemError } from "../../gateway/problem";
import { timingSafeEqual } from "../../platform/crypto";
import { toHex } from "../../platform/ids";

export const SIGNATURE_HEADER = "x-autonomos-signature";
export const SIGNING_SECRET_NAME = "ingest_signing_secret";
export const TOLERANCE_SECONDS = 5 * 60;

const HEADER = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/;

export interface Signature {
  timestamp: number;
  v1: string;
}

/** The header's parts, checked for freshness; anything malformed or stale is 401. */
export function parseSignature(header: string | undefined, now: Date): Signature {
  const match = header === undefined ? null : HEADER.exec(header.trim());
  if (match === null) {
    throw new ProblemError("invalid-credentials", `Sign the request: ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256>`);
  }
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS) {
    throw new ProblemError("invalid-credentials", `The signature timestamp is more than ${TOLERANCE_SECONDS} s from now`);
  }
  return { timestamp, v1: match[2] ?? "" };
}

export async function sign(secret: string, timestamp: number, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
}

/** Whether `signature` signs `body` under `secret` (constant-time comparison). */
export async function signatureMatches(secret: string, signature: Signature, body: string): Promise<boolean> {
  return timingSafeEqual(await sign(secret, signature.timestamp, body), signature.v1);
}
