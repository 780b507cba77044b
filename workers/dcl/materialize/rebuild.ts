/**
 * Rebuild: forget a tenant's views and recompute them from its whole stream, a page at a time through the same
 * step incremental materialization uses. Because rows depend only on the set of events, the result is byte-
 * identical to the incremental tables.
 */
import type { EntityName } from "../../canonical/names";
import { materializeEvents } from "./materialize";
import type { ViewStore } from "./store";

const PAGE = 500;

export interface Rebuilt {
  events: number;
  rows: Record<EntityName, number>;
}

export async function rebuildViews(store: ViewStore): Promise<Rebuilt> {
  await store.clear();
  let events = 0;
  for (let after = 0; ; ) {
    const page = await store.eventsAfter(after, PAGE);
    if (page.length === 0) break;
    await materializeEvents(store, page);
    events += page.length;
    after = page.at(-1)!.seq;
  }
  return { events, rows: await store.countRows() };
}
