/**
 * What the two feed routes share: the upgrade checks, the OpenAPI description of the handshake, and the hand-over
 * of the authenticated upgrade to the caller's tenant's TenantFeed.
 */
import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf } from "../../../middleware/auth/require";
import { isWebSocketUpgrade, offeredProtocols } from "../../../middleware/auth/websocket-protocol";
import { tenantFeed } from "../../../../../durable-objects/tenant-feed";
import { type Connect, SinceSchema, connectUrl } from "../../../../dcl/live/connect";
import { FEED_PROTOCOL } from "../../../../dcl/live/protocol";

export const SinceQuery = SinceSchema.optional().openapi({
  param: { name: "since", in: "query" },
  description: "The last seq this client processed: it first receives every later message still buffered (the last 1,000 " +
    "per channel), preceded by a `gap` message if some are gone, then live messages.",
  example: 1200,
});

export const UpgradeHeadersSchema = z.object({
  // Optional here so a plain GET gets 426 Upgrade Required rather than a validation error.
  upgrade: z.string().optional().openapi({ param: { name: "upgrade", in: "header" }, example: "websocket" }),
  "sec-websocket-protocol": z.string().optional().openapi({
    param: { name: "sec-websocket-protocol", in: "header" },
    description: `For browsers: \`${FEED_PROTOCOL}, bearer.<access token or API key>\` instead of Authorization. ` +
      `The server answers \`${FEED_PROTOCOL}\`.`,
    example: `${FEED_PROTOCOL}, bearer.eyJhbGciOiJIUzI1NiJ9…`,
  }),
});

export const upgradeResponses = {
  101: {
    description: "Switching Protocols: the WebSocket is open. Messages are JSON (workers/dcl/live/messages.ts): " +
      "`change`/`flow` with `seq`, and `gap`, `cutoff`, `heartbeat`, `subscribed`, `error`. Send `{\"type\":\"ack\",\"seq\":n}` " +
      "as you process messages (more than 500 unacknowledged: `cutoff`, close 4008) and `{\"type\":\"ping\"}` (answered " +
      "`{\"type\":\"pong\"}`) or acks at least every 90 s (else close 4001).",
  },
  ...problemResponses(400, 401, 403, 426, 429),
};

/** Hands the upgrade to the tenant's feed; the tenant is the caller's, never something the client names. */
export async function openFeed(c: Context<AppEnv>, connect: Omit<Connect, "actor">): Promise<Response> {
  const req = c.req.raw;
  if (!isWebSocketUpgrade(req)) {
    throw new ProblemError("upgrade-required", "Open this endpoint as a WebSocket (Upgrade: websocket)", {
      headers: { Upgrade: "websocket" },
    });
  }
  const offered = offeredProtocols(req);
  if (offered.length > 0 && !offered.includes(FEED_PROTOCOL)) {
    throw new ProblemError("validation-error", `Offer the ${FEED_PROTOCOL} subprotocol (the only one spoken here)`);
  }
  const caller = callerOf(c);
  const res = await tenantFeed(c.env, caller.tenantId).fetch(
    new Request(connectUrl({ ...connect, actor: caller.actorId }), { headers: { Upgrade: "websocket" } }),
  );
  if (res.webSocket === null) throw new Error(`the tenant feed refused the upgrade: ${res.status}`);
  const headers: Record<string, string> = offered.length > 0 ? { "Sec-WebSocket-Protocol": FEED_PROTOCOL } : {};
  return new Response(null, { status: 101, webSocket: res.webSocket, headers });
}
