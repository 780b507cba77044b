/** Each view's live and tombstoned rows, from a store's `GROUP BY deleted` count of the view: the same fold for D1 and Postgres. */
import type { EntityName } from "../../canonical/names";
import { perEntityAsync } from "../../canonical/per-entity";
import type { RowCounts } from "./store";

export interface DeletedGroup {
  deleted: boolean;
  n: number;
}

export async function viewRowCounts(groupsOf: (entity: EntityName) => Promise<DeletedGroup[]>): Promise<Record<EntityName, RowCounts>> {
  const counts = async (entity: EntityName): Promise<RowCounts> => {
    const groups = await groupsOf(entity);
    return { live: groups.find((g) => g.deleted === false)?.n ?? 0, tombstoned: groups.find((g) => g.deleted === true)?.n ?? 0 };
  };
  return perEntityAsync(counts);
}
