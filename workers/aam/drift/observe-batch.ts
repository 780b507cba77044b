/**
 * The schema observer's step for one batch of raw records, before they are normalized: compare their shape with the
 * stored one, report drift, and store the merged shape. The event is recorded before the shape is saved, so a
 * delivery that dies in between finds the same drift again on redelivery (and the same event id).
 * Deletions are not observed: a tombstone carries no fields to speak of.
 */
import type { TenantScope } from "../../platform/db";
import type { DriftEventRow } from "../../platform/db/schema";
import type { RawRecord } from "../connectors/connector";
import type { MappingDocument } from "../mapping/format";
import type { LiveEnv } from "../../dcl/live/publish";
import { isBreaking } from "./breaking";
import { detectDrift } from "./detect";
import type { DriftOrigin } from "./events";
import { mergeShapes, observeRecords } from "./observe";
import { reportDrift } from "./report";
import type { DriftChange } from "./schemas";
import { loadShape, saveShape } from "./snapshots";

export interface ObservedDrift {
  /** every change this batch shows, reported before or not */
  changes: DriftChange[];
  /** the batch's records lose or fail a mapped value (now, or still, while the drift awaits its repair): hold them */
  breaking: boolean;
  /** the event these changes belong to (new or still unresolved); undefined without changes */
  event: DriftEventRow | undefined;
}

export async function observeBatch(
  env: LiveEnv,
  scope: TenantScope,
  origin: DriftOrigin,
  records: readonly RawRecord[],
  mapping: MappingDocument | undefined,
): Promise<ObservedDrift> {
  const key = { connectionId: origin.connection_id, object: origin.object };
  const upserts = records.filter((record) => record.op !== "delete");
  const shape = await loadShape(scope, key);
  const batch = observeRecords(upserts);
  const changes = detectDrift({ previous: shape?.fields, previousRecords: shape?.records ?? 0, batch, batchRecords: upserts.length, mapping });
  const breaking = isBreaking(changes, mapping);
  const { event, held } = await reportDrift(env, scope, origin, { changes, breaking });
  const removed = changes.filter((change) => change.kind === "removed").map((change) => change.path);
  await saveShape(scope, key, { fields: mergeShapes(shape?.fields ?? [], batch, removed), records: (shape?.records ?? 0) + upserts.length });
  return { changes, breaking: breaking || held, event };
}
