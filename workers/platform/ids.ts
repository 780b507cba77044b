/** Random identifiers and hex helpers shared by every plane. */
import { toBase64Url } from "./base64";

export function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** base64url without padding: compact and safe in URLs and headers. */
export function randomToken(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Prefixed ids (`ten_…`, `usr_…`) so a misplaced id is obvious in logs and errors. */
export function newId(prefix: string): string {
  return `${prefix}_${randomHex(12)}`;
}
