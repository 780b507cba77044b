/**
 * Blocking keys: an account record is indexed under each, and only records sharing a key are compared, so
 * linking never compares every pair. Every match rule has a key that both sides of a match produce: the domain,
 * the name's distinctive token (similar names start with the same company word: "Müller Maschinenbau" and
 * "Mueller Maschinenbau GmbH"; one key per record keeps blocks small even when thousands of names share a word),
 * with the name's numbers, which must be equal for a name match anyway ("Store 12" never blocks with the thousands
 * of other "Store N"), and `id:<object>:<record_id>`, which a record has for itself and for every external id it
 * carries.
 */
import { externalRefs } from "./external-ids";
import type { LinkableAccount } from "./match";
import { distinctiveToken, nameTokens, normalizeDomain, numberTokens } from "./normalize";

export function linkKeys(record: LinkableAccount): string[] {
  const keys = new Set<string>([`id:${record.object}:${record.recordId}`]);
  const website = record.data.website;
  const domain = normalizeDomain(typeof website === "string" ? website : null);
  if (domain !== null) keys.add(`domain:${domain}`);
  const name = record.data.name;
  const tokens = nameTokens(typeof name === "string" ? name : "");
  const token = distinctiveToken(tokens);
  const numbers = numberTokens(tokens);
  if (token !== undefined) keys.add(numbers === "" || numbers === token ? `name:${token}` : `name:${token}#${numbers}`);
  for (const ref of externalRefs((record.data.extras ?? {}) as Record<string, unknown>)) keys.add(`id:${ref.object}:${ref.record_id}`);
  return [...keys].sort();
}
