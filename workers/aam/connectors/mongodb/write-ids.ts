/**
 * The `_id` of a document created by write-back: an ObjectId derived from the change's idempotency key (the first
 * 12 bytes of its SHA-256), so a retried create upserts the same document instead of adding a second one, with no
 * extra field or unique index needed in the customer's collection. Such an id's embedded "timestamp" means nothing.
 */
export async function createdDocumentId(idempotencyKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`autonomos-write:${idempotencyKey}`)));
  return [...digest.subarray(0, 12)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
