/**
 * The connection list's page cursor: opaque to clients (base64url), internally the name the next page continues
 * after. Names are unique per tenant, so the name alone is a stable position.
 */
import { fromBase64, toBase64Url } from "../../platform/base64";

const PREFIX = "con:";

export function encodePageCursor(name: string): string {
  return toBase64Url(new TextEncoder().encode(PREFIX + name));
}

/** The name a cursor stands for, or undefined when the string is not one of ours. */
export function decodePageCursor(cursor: string): string | undefined {
  const bytes = fromBase64(cursor);
  if (bytes === undefined) return undefined;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.startsWith(PREFIX) && text.length > PREFIX.length ? text.slice(PREFIX.length) : undefined;
}
