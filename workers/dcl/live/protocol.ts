/**
 * The live feeds' protocol constants, shared by the gateway routes, the TenantFeed and the tests.
 *
 * Authentication: browsers cannot set Authorization on a WebSocket, so the credential (access token or API key)
 * may travel as a subprotocol: `new WebSocket(url, ["autonomos.v1", "bearer." + token])`. The server answers with
 * `autonomos.v1` only, never echoing the token; tokens are never accepted in the URL. Other clients may send
 * `Authorization: Bearer …` instead.
 *
 * Flow control: workerd queues `send()` without blocking and reports no backpressure to a Durable Object
 * (`bufferedAmount` is in the type definitions but undefined at runtime, checked on this workerd), so the
 * feed bounds each client with an acknowledgement window: a client acks the seqs it has processed
 * (`{"type":"ack","seq":n}`); once more than ACK_WINDOW messages sent to it are unacknowledged it gets a `cutoff`
 * notice and the socket closes with CUTOFF_CLOSE_CODE. Sending to others never waits on it. The window is smaller
 * than the replay buffer, so a client cut off that reconnects with `since=<last seq it processed>` misses nothing.
 */
export const FEED_PROTOCOL = "autonomos.v1";
export const BEARER_PROTOCOL_PREFIX = "bearer.";

/** Messages kept per channel for resuming with `since`. */
export const BUFFER_SIZE = 1000;
/** Unacknowledged messages a client may have before it is cut off. */
export const ACK_WINDOW = 500;

/** Server heartbeat interval (DO alarm); clients must show life (ping, ack, subscribe) within IDLE_TIMEOUT_MS. */
export const HEARTBEAT_MS = 30_000;
export const IDLE_TIMEOUT_MS = 90_000;

/** Close codes (4000–4999 are the application's). */
export const CUTOFF_CLOSE_CODE = 4008;
export const IDLE_CLOSE_CODE = 4001;
