/** How the monitor writes times, shares and durations. */

/** A timestamp in the reader's locale; "never" for null. */
export function formatTime(iso: string | null): string {
  if (iso === null) return "never";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * 0.873 → "87.3%"; null (nothing to measure) → "—". Rounded down to a tenth, so that only a certain match reads
 * "100%" (a 0.996 confidence does not clear a threshold of 1, and must not look as if it did).
 */
export const formatPercent = (share: number | null): string => (share === null ? "—" : `${Math.floor(share * 1000 + 1e-9) / 10}%`);

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
