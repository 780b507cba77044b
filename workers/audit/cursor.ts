/**
 * The audit list's page cursor: opaque to clients (base64url), internally the seq the next page continues below.
 * Opaque so the position can change representation without breaking clients that store cursors.
 */
import { decodeOpaque, encodeOpaque } from "../platform/base64";

const PREFIX = "audit:";

export function encodeCursor(seq: number): string {
  return encodeOpaque(PREFIX + seq);
}

/** The seq a cursor stands for, or undefined when the string is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const text = decodeOpaque(cursor);
  if (text === undefined) return undefined;
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : "";
  const seq = Number(digits);
  return /^[1-9][0-9]*$/.test(digits) && Number.isSafeInteger(seq) ? seq : undefined;
}
