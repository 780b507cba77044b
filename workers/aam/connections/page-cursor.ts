/**
 * The connection list's page cursor: opaque to clients (base64url), internally the name the next page continues
 * after. Names are unique per tenant, so the name alone is a stable position.
 */
import { decodeOpaque, encodeOpaque } from "../../platform/base64";

const PREFIX = "con:";

export function encodePageCursor(name: string): string {
  return encodeOpaque(PREFIX + name);
}

/** The name a cursor stands for, or undefined when the string is not one of ours. */
export function decodePageCursor(cursor: string): string | undefined {
  const text = decodeOpaque(cursor);
  if (text === undefined) return undefined;
  return text.startsWith(PREFIX) && text.length > PREFIX.length ? text.slice(PREFIX.length) : undefined;
}
