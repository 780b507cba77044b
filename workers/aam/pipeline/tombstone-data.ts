/**
 * The data of a delete event whose source sent only the deleted record's id (a bare tombstone: PostgREST and
 * MongoDB keep none, so their deletes come from id reconciliation). The event union requires valid entity data,
 * and each entity requires a field an id cannot supply (account/opportunity `name`, opportunity `status`, a
 * contact's name or email), so the tombstone fills them with placeholders and leaves every other field null.
 *
 * The placeholder name is "—": it has no name tokens, so entity linking gives the tombstone no `name:` blocking key
 * and never unifies it with another account by name (a word like "(deleted)" would link every tombstone of a
 * tenant into one account). A deleted deal is no longer pursuable, hence `lost`. A deleted cost line costs nothing
 * in no currency (ISO 4217 `XXX`) over an empty period at the epoch. Tombstones are left out of view queries unless
 * `include_deleted` asks for them.
 */
import { entityFields, type EntityData } from "../../canonical/entities";
import type { EntityName } from "../../canonical/names";

export const TOMBSTONE_NAME = "—";
const EPOCH = new Date(0).toISOString();

const required: { [E in EntityName]: Partial<EntityData<E>> } = {
  account: { name: TOMBSTONE_NAME },
  opportunity: { name: TOMBSTONE_NAME, status: "lost" },
  contact: { last_name: TOMBSTONE_NAME },
  cost: { billed_cost: 0, billing_currency: "XXX", charge_period_start: EPOCH, charge_period_end: EPOCH },
};

export function tombstoneData<E extends EntityName>(entity: E, sourceId: string): EntityData<E> {
  const empty = Object.fromEntries(entityFields(entity).map((field) => [field, null]));
  return { ...empty, ...required[entity], source_id: sourceId, extras: {} } as EntityData<E>;
}
