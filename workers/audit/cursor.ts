/**
 * The audit list's page cursor: opaque to clients (base64url), internally the seq the next page continues below.
 * Opaque so the position can change representation without breaking clients that store cursors.
 */
const PREFIX = "audit:";

export function encodeCursor(seq: number): string {
  return btoa(PREFIX + seq).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The seq a cursor stands for, or undefined when the string is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : "";
  const seq = Number(digits);
  return /^[1-9][0-9]*$/.test(digits) && Number.isSafeInteger(seq) ? seq : undefined;
}
