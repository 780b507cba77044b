/**
 * The org's daily API usage from the `Sforce-Limit-Info` header (`api-usage=18/5000; per-app-api-usage=…`), sent
 * on every REST response. Usage can exceed the limit (burst allowance), so the ratio is not capped at 1.
 */
export interface ApiUsage {
  used: number;
  limit: number;
}

export function parseLimitInfo(header: string | null): ApiUsage | null {
  const match = /(?:^|[;\s])api-usage=(\d+)\/(\d+)/.exec(header ?? "");
  if (match === null) return null;
  const limit = Number(match[2]);
  return limit > 0 ? { used: Number(match[1]), limit } : null;
}

export const usageRatio = (usage: ApiUsage) => usage.used / usage.limit;
