/**
 * The schema observer's step at sync start, when the connector's discover() lists the object's fields: compare the
 * listing with the last one, report drift, and record the listing in the stored shape (see detect-discovered.ts).
 */
import type { TenantScope } from "../../platform/db";
import type { DiscoveredField } from "../connectors/connector";
import type { MappingDocument } from "../mapping/format";
import type { LiveEnv } from "../../dcl/live/publish";
import { isBreaking } from "./breaking";
import { detectDiscoveredDrift, mergeDiscovery } from "./detect-discovered";
import type { DriftOrigin } from "./events";
import type { ObservedDrift } from "./observe-batch";
import { reportDrift } from "./report";
import { loadShape, saveShape } from "./snapshots";

export async function observeDiscovery(
  env: LiveEnv,
  scope: TenantScope,
  origin: DriftOrigin,
  discovered: readonly DiscoveredField[],
  mapping: MappingDocument | undefined,
): Promise<ObservedDrift> {
  const key = { connectionId: origin.connection_id, object: origin.object };
  const shape = await loadShape(scope, key);
  const changes = detectDiscoveredDrift(shape, discovered, mapping);
  const breaking = isBreaking(changes, mapping);
  const { event, held } = await reportDrift(env, scope, origin, { changes, breaking });
  await saveShape(scope, key, { fields: mergeDiscovery(shape?.fields ?? [], discovered), records: shape?.records ?? 0 });
  return { changes, breaking: breaking || held, event };
}
