/**
 * Where a connection's files live in R2. The platform decides the prefix from the connection's own tenant and id,
 * so nothing a client sends can point a connection at another tenant's (or another connection's) files.
 */
export function connectionFilesPrefix(tenantId: string, connectionId: string): string {
  return `tenants/${tenantId}/connections/${connectionId}/`;
}

/** Removes every object under the connection's prefix, a listing page (at most 1000 keys) at a time. */
export async function deleteConnectionFiles(bucket: R2Bucket, tenantId: string, connectionId: string): Promise<void> {
  const prefix = connectionFilesPrefix(tenantId, connectionId);
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor !== undefined);
}
