/** The actions an anomaly proposes: alert its owner, and tag its sub-account so the provider side shows it too. */
import type { ActionRequest } from "../actions/types";
import type { Episode } from "./episodes";
import { anomalyKey, anomalyTitle, seriesName, type AnomalySeverity } from "./findings";
import type { CostSeries } from "./series";

/** Tag keys that name who answers for the spend, most specific first (compared case-insensitively). */
const OWNER_TAGS = ["owner", "team", "cost-center", "cost_center", "costcenter"];

export function ownerOf(tags: Record<string, string>): string | null {
  const byKey = new Map(Object.entries(tags).map(([key, value]) => [key.toLowerCase(), value.trim()]));
  for (const key of OWNER_TAGS) {
    const value = byKey.get(key);
    if (value !== undefined && value !== "") return value;
  }
  return null;
}

function body(series: CostSeries, episode: Episode): string {
  const lines = [
    `${seriesName(series)}: ${episode.actual.toFixed(2)} ${series.currency} against ${episode.expected.toFixed(2)} expected (robust z ${episode.z.toFixed(1)}).`,
    ...episode.first.explanation.map((factor) => `- ${factor.detail}`),
  ];
  return lines.join("\n");
}

export function anomalyActions(series: CostSeries, episode: Episode, severity: AnomalySeverity): ActionRequest[] {
  const key = anomalyKey(series, episode);
  const reason = `Cost anomaly: ${anomalyTitle(series, episode)}`;
  const alert: ActionRequest = {
    type: "alert.create",
    target: { entity: "cost", id: series.id },
    params: { severity, title: anomalyTitle(series, episode), body: body(series, episode), recipient: ownerOf(series.tags) },
    reason,
    idempotency_key: `finops:alert:${key}`,
  };
  if (series.sub_account_id === null) return [alert];
  const tag: ActionRequest = {
    type: "sub_account.tag",
    target: null,
    params: {
      provider_name: series.provider_name,
      sub_account_id: series.sub_account_id,
      tags: { "finops:anomaly": episode.day, "finops:service": series.service_name ?? "(none)" },
    },
    reason,
    idempotency_key: `finops:tag:${key}`,
  };
  return [alert, tag];
}
