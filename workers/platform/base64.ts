/** base64url (RFC 4648 §5, no padding) for bytes: compact and safe in URLs, headers and text columns. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64url or standard base64 (padding optional); undefined when the text is neither. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Text made opaque for clients (page cursors): UTF-8, then base64url. */
export function encodeOpaque(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

/** The text behind an opaque string; undefined when it is not base64 of valid UTF-8. */
export function decodeOpaque(opaque: string): string | undefined {
  const bytes = fromBase64(opaque);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
