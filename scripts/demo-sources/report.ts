/** What the demo prints at the end: each unified view's rows, and how many of them each source system contributed to. */
import type { DemoApi } from "./api";

const VIEWS = ["accounts", "opportunities", "contacts"] as const;

interface ViewCount {
  rows: number;
  by_system: Record<string, number>;
  /** how many rows unify records of 1, 2, 3, 4 systems */
  systems_per_row: Record<number, number>;
}

/** Rows of each view, per source system the rows carrying one of its records, and how many systems rows unify. */
export async function viewCounts(api: DemoApi): Promise<Record<string, ViewCount>> {
  const counts: Record<string, ViewCount> = {};
  for (const view of VIEWS) {
    const bySystem: Record<string, number> = {};
    const perRow: Record<number, number> = {};
    let rows = 0;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: "200", fields: "id,sources", ...(cursor === null ? {} : { cursor }) });
      const page = await api.expect(200, "GET", `/api/v1/dcl/views/${view}?${query}`);
      for (const item of page.items as { sources: { system: string }[] }[]) {
        rows += 1;
        const systems = new Set(item.sources.map((source) => source.system));
        for (const system of systems) bySystem[system] = (bySystem[system] ?? 0) + 1;
        perRow[systems.size] = (perRow[systems.size] ?? 0) + 1;
      }
      cursor = page.next_cursor ?? null;
    } while (cursor !== null);
    counts[view] = { rows, by_system: bySystem, systems_per_row: perRow };
  }
  return counts;
}
