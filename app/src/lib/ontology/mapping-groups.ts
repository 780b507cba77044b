/** The mappings in effect, grouped by source system for the list (the API sorts them by system, then object). */
import type { MappingSummary } from "./types";

export interface SystemGroup {
  system: MappingSummary["system"];
  mappings: MappingSummary[];
}

export function groupBySystem(items: readonly MappingSummary[]): SystemGroup[] {
  const groups = new Map<MappingSummary["system"], MappingSummary[]>();
  for (const item of items) groups.set(item.system, [...(groups.get(item.system) ?? []), item]);
  return [...groups].map(([system, mappings]) => ({ system, mappings }));
}

/** The console path of one mapping's page. */
export const mappingHref = (m: Pick<MappingSummary, "system" | "object">): string =>
  `/ontology/${encodeURIComponent(m.system)}/${encodeURIComponent(m.object)}`;

/** The API path of one mapping (`suffix` e.g. `/versions`). */
export const mappingApiPath = (system: string, object: string, suffix = ""): string =>
  `/api/v1/aam/mappings/${encodeURIComponent(system)}/${encodeURIComponent(object)}${suffix}`;
