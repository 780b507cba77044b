/**
 * The explicit external-id convention: an account's `extras` key `external_id:<object>` carries the record id
 * of the same company in source object <object> (of any connection of the tenant), e.g. a legacy CRM column
 * `external_id:hubspot-companies` = `9001`. Strings and numbers count; anything else is ignored.
 */
export const EXTERNAL_ID_PREFIX = "external_id:";

export interface ExternalRef {
  object: string;
  record_id: string;
}

export function externalRefs(extras: Record<string, unknown>): ExternalRef[] {
  const refs: ExternalRef[] = [];
  for (const [key, value] of Object.entries(extras)) {
    if (!key.startsWith(EXTERNAL_ID_PREFIX) || key.length === EXTERNAL_ID_PREFIX.length) continue;
    const id = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (id !== "") refs.push({ object: key.slice(EXTERNAL_ID_PREFIX.length), record_id: id });
  }
  return refs;
}
