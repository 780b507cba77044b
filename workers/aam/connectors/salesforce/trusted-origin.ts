/**
 * Where the client may send a bearer token: https anywhere, plain http only to this machine (the local fake and
 * demo). The instance URL comes from the token response and every nextRecordsUrl from a cursor, so both are checked
 * before a token travels.
 */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isTrustedOrigin(url: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null) return false;
  return parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname));
}
