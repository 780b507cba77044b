/** Text for titles and alert bodies, the same on every runtime and locale (no Intl). */
export const money = (amount: number, currency: string): string => `${currency} ${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** ISO 8601 week of a UTC instant, `2026-W07`: the alerts' once-a-week identity. */
export function isoWeek(at: Date): string {
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}
