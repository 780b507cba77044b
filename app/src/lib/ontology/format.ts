/** Display formats of the Ontology page. */

/** A timestamp in the person's locale; `fallback` for none (a system default has no save time). */
export function formatWhen(iso: string | null, fallback = "—"): string {
  if (iso === null) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A canonical value as JSON text (strings quoted, so `""` and `"null"` differ from null). */
export const formatValue = (value: unknown): string => (value === undefined ? "—" : JSON.stringify(value));
