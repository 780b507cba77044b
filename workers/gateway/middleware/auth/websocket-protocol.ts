/**
 * The credential of a WebSocket upgrade sent as a subprotocol, `Sec-WebSocket-Protocol: autonomos.v1, bearer.<token>`:
 * browsers cannot set Authorization on a WebSocket, and a token in the URL would end up in logs and history.
 * Only upgrade requests are read this way; the server never echoes the `bearer.` entry (the feed routes answer
 * `autonomos.v1`).
 */
import { BEARER_PROTOCOL_PREFIX } from "../../../dcl/live/protocol";

export function offeredProtocols(req: Request): string[] {
  const header = req.headers.get("sec-websocket-protocol");
  return header === null ? [] : header.split(",").map((p) => p.trim()).filter((p) => p !== "");
}

export function isWebSocketUpgrade(req: Request): boolean {
  return req.headers.get("upgrade")?.toLowerCase() === "websocket";
}

export function protocolCredential(req: Request): string | undefined {
  if (!isWebSocketUpgrade(req)) return undefined;
  const offered = offeredProtocols(req).find((p) => p.startsWith(BEARER_PROTOCOL_PREFIX));
  return offered?.slice(BEARER_PROTOCOL_PREFIX.length);
}
