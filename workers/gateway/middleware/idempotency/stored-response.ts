/** A response as the TenantGate keeps it for replay, and the replay built from it. */
import type { StoredResponse } from "../../../../durable-objects/tenant-gate/idempotency";

export async function storedResponse(res: Response): Promise<StoredResponse> {
  // A clone, so the original body still goes to the client.
  return { status: res.status, headers: [...res.headers], body: await res.clone().arrayBuffer() };
}

export function replayResponse(stored: StoredResponse): Response {
  const headers = new Headers(stored.headers);
  headers.set("Idempotent-Replayed", "true");
  // Null-body statuses (204, 304) reject even an empty body.
  return new Response(stored.body.byteLength === 0 ? null : stored.body, { status: stored.status, headers });
}
