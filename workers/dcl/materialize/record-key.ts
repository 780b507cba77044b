/**
 * Identities in the views, derived only from source record keys so any replay computes the same ones: a record's
 * key is JSON [connection_id, object, record_id]; an opportunity's, contact's or cost's view id hashes its record's
 * key, a unified account's id the smallest record key of its cluster.
 */
import type { EntityName } from "../../canonical/names";
import type { EventSource } from "../../canonical/event";
import { sha256Hex } from "../../platform/crypto";

export const recordKeyOf = (source: Pick<EventSource, "connection_id" | "object" | "record_id">): string =>
  JSON.stringify([source.connection_id, source.object, source.record_id]);

const ID_PREFIX: Record<EntityName, string> = { account: "acc", opportunity: "opp", contact: "ctc", cost: "cst" };

/** `acc_…`/`opp_…`/`ctc_…`/`cst_…` + 96 bits of SHA-256 of the record key. */
export async function viewIdOf(entity: EntityName, recordKey: string): Promise<string> {
  return `${ID_PREFIX[entity]}_${(await sha256Hex(recordKey)).slice(0, 24)}`;
}

/** Code-unit order: unlike localeCompare, the same on every runtime and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
