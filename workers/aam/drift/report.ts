/**
 * Reporting what an observation found: drift not already standing in an event (awaiting a repair or a decision,
 * or ignored) becomes a drift event and a `drift` message on /live-flow. A mapped path that stays missing is found
 * again by every batch until the mapping is repaired: that is the same drift, answered with the event that
 * recorded it, and the batch is held like the first one was while that event is breaking and unresolved.
 */
import type { TenantScope } from "../../platform/db";
import type { DriftEventRow } from "../../platform/db/schema";
import { type LiveEnv, publishLive } from "../../dcl/live/publish";
import { changeKey, changesOf, type DriftOrigin, recordDriftEvent, standingDriftEvents, UNRESOLVED } from "./events";
import type { DriftChange } from "./schemas";

export interface Reported {
  /** a new event for the changes no standing event has yet, else the newest standing one sharing a change with them */
  event: DriftEventRow | undefined;
  /** the batch shares a change with a standing breaking event still awaiting its repair */
  held: boolean;
}

/** The new event is breaking when the batch is and it has a change to a mapped path (the breakage, not a bystander). */
export async function reportDrift(
  env: LiveEnv,
  scope: TenantScope,
  origin: DriftOrigin,
  drift: { changes: DriftChange[]; breaking: boolean },
): Promise<Reported> {
  if (drift.changes.length === 0) return { event: undefined, held: false };
  const keys = new Set(drift.changes.map(changeKey));
  const standing = (await standingDriftEvents(scope, origin.connection_id, origin.object)).filter((event) =>
    changesOf(event).some((change) => keys.has(changeKey(change))),
  );
  const held = standing.some((event) => event.breaking && UNRESOLVED.has(event.status));
  const reported = new Set(standing.flatMap(changesOf).map(changeKey));
  const fresh = drift.changes.filter((change) => !reported.has(changeKey(change)));
  if (fresh.length === 0) return { event: standing[0], held };
  const event = await recordDriftEvent(scope, origin, { changes: fresh, breaking: drift.breaking && fresh.some((change) => change.target !== null) });
  await publishLive(env, scope.tenantId, {
    "live-flow": [
      {
        stage: "drift",
        run_id: origin.run_id,
        connection_id: origin.connection_id,
        object: origin.object,
        trace_id: origin.trace_id,
        at: event.detectedAt,
        counts: {
          added: fresh.filter((change) => change.kind === "added").length,
          removed: fresh.filter((change) => change.kind === "removed").length,
          changed: fresh.filter((change) => change.kind === "retyped" || change.kind === "renamed").length,
        },
        fields: fresh.map((change) => change.path),
      },
    ],
  });
  return { event, held };
}
