/**
 * JSON with object keys sorted at every depth: the same record always serializes to the same text, whatever
 * order the source sent its fields in, so content hashes are stable across reads.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortKeys(v) : v));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sortKeys(v: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) sorted[key] = v[key];
  return sorted;
}
