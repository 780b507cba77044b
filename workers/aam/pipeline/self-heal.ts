/**
 * Self-healing, before a raw batch is normalized. The schema observer compares the batch's shape with the mapping in
 * effect. Drift that breaks the mapping gets a repair planned by the matcher: applied at once when every change
 * clears the tenant's threshold (the batch is then mapped with the new version), else left pending for a person.
 * An object with no mapping but a chosen entity gets one drafted (onboarding) the same way. While a repair waits,
 * the batch's records are held in quarantine, whole and with the reason; applying the repair replays them.
 */
import { and, eq } from "drizzle-orm";
import type { Env } from "../../env";
import { schema, type TenantScope } from "../../platform/db";
import type { MappingRepairRow } from "../../platform/db/schema";
import { changesOf, explainDriftChanges } from "../drift/events";
import { observeBatch } from "../drift/observe-batch";
import { observeDiscovery } from "../drift/observe-discovery";
import type { DiscoveredField } from "../connectors/connector";
import { withRenames } from "../drift/renames";
import type { DriftChange } from "../drift/schemas";
import type { EntityName } from "../../canonical/names";
import { isRequiredTarget } from "../repair/targets";
import { loadShape } from "../drift/snapshots";
import { matcherFor } from "../matching/for-env";
import { mappingVersionAt } from "../mapping/overrides-history";
import type { MappingRegistry } from "../mapping/registry";
import { proposeRepair } from "../repair/apply";
import { draftOnboarding } from "../repair/draft";
import { planRepair } from "../repair/plan";
import type { RawBatch } from "./messages";
import { pickMapping } from "./pick-mapping";
import { tenantMappings } from "./tenant-mappings";

const { mappingRepairs } = schema;

export interface Healed {
  /** the mappings to normalize the batch with (a fresh registry when a repair was just applied) */
  registry: MappingRegistry;
  /** why the batch's records are held in quarantine instead; undefined: normalize them */
  hold?: string;
}

/** The repair of (system, object) waiting for a person, if any; a drift repair only the connection that drifted. */
async function pendingRepair(scope: TenantScope, system: RawBatch["system"], object: string, drifted?: { connectionId: string }): Promise<MappingRepairRow | undefined> {
  const [row] = await scope.select(
    mappingRepairs,
    and(
      eq(mappingRepairs.system, system),
      eq(mappingRepairs.object, object),
      eq(mappingRepairs.status, "pending"),
      ...(drifted === undefined ? [] : [eq(mappingRepairs.kind, "drift"), eq(mappingRepairs.connectionId, drifted.connectionId)]),
    ),
  );
  return row;
}

/** The tenant version a repair is proposed against; null when the system default is in effect. */
async function tenantVersion(scope: TenantScope, system: RawBatch["system"], object: string): Promise<number | null> {
  const current = await mappingVersionAt(scope, system, object, "current");
  return current?.origin === "tenant" ? current.row.version : null;
}

/** A change that costs the mapping a value: not a mapped path the source never sent for an optional target. */
const costsValue = (change: DriftChange, entity: EntityName) =>
  change.target !== null && !(change.kind === "removed" && change.from_type === null && !isRequiredTarget(entity, change.target));

const waitingFor = (repair: MappingRepairRow, what: string) =>
  `held: ${what}; repair ${repair.id} awaits approval (POST /api/v1/aam/repairs/${repair.id}/approve replays these records)`;

export async function healBatch(env: Env, scope: TenantScope, registry: MappingRegistry, batch: RawBatch): Promise<Healed> {
  const picked = pickMapping(registry, batch);
  const origin = { connection_id: batch.connection_id, run_id: batch.run_id, trace_id: batch.trace_id, system: batch.system, object: batch.object };
  if (typeof picked === "string") {
    // Without a chosen entity there is nothing to draft for: the records are quarantined with the reason.
    if (batch.entity === undefined || batch.records.length === 0) return { registry };
    await observeBatch(env, scope, { ...origin, entity: batch.entity }, batch.records, undefined);
    return onboard(env, scope, batch, batch.entity);
  }
  // Observed per mapping: files of one mapping (accounts-jan.csv, accounts-feb.csv) are one shape over time.
  const observed = { ...origin, object: picked.object, entity: picked.entity, mapping_version: picked.mapping_version };
  const drift = await observeBatch(env, scope, observed, batch.records, picked.document);
  // while a drift repair of the mapping waits, every batch of it from that connection waits too: each meets the same
  // broken mapping (another connection's records, whose source did not change, still map)
  const waiting = await pendingRepair(scope, picked.system, picked.object, { connectionId: batch.connection_id });
  const what = `${batch.system}/${batch.object} changed shape (${drift.changes.filter((c) => costsValue(c, picked.entity)).map((c) => `${c.kind} ${c.path}`).join(", ") || "see the repair"})`;
  if (waiting !== undefined) return { registry, hold: waitingFor(waiting, what) };
  if (!drift.breaking) return { registry };

  const { matcher, threshold } = await matcherFor(env, scope);
  const shape = await loadShape(scope, { connectionId: batch.connection_id, object: picked.object });
  const changes = await planRepair({ system: picked.system, document: picked.document, drift: drift.changes, observed: shape?.fields ?? [], matcher, threshold });
  if (changes.length === 0) return { registry };
  const proposed = await proposeRepair(
    env,
    scope,
    {
      kind: "drift",
      system: picked.system,
      object: picked.object,
      entity: picked.entity,
      baseVersion: await tenantVersion(scope, picked.system, picked.object),
      connectionId: batch.connection_id,
      driftEventId: drift.event?.id ?? null,
      changes,
    },
    batch.trace_id,
  );
  // Once applied, the event names what the repair found; a pending one keeps the raw changes later batches match.
  if (drift.event !== undefined && proposed.repairs.some((r) => r.status === "applied")) {
    await explainDriftChanges(scope, drift.event.id, withRenames(changesOf(drift.event), changes));
  }
  return settled(scope, proposed.repairs, what);
}

/**
 * At sync start, the connector's listing of an object's fields is compared with the last one (observe-discovery.ts),
 * under the same key as the batches' shapes: drift shows before its records arrive, which then meet it in healBatch.
 */
export async function observeDiscovered(env: Env, scope: TenantScope, registry: MappingRegistry, run: { batch: Omit<RawBatch, "records" | "rejects">; fields: DiscoveredField[] }): Promise<void> {
  const { batch, fields } = run;
  const picked = pickMapping(registry, batch);
  const mapping = typeof picked === "string" ? undefined : picked;
  const origin = { connection_id: batch.connection_id, run_id: batch.run_id, trace_id: batch.trace_id, system: batch.system };
  await observeDiscovery(
    env,
    scope,
    { ...origin, object: mapping?.object ?? batch.object, ...(mapping === undefined ? {} : { entity: mapping.entity, mapping_version: mapping.mapping_version }) },
    fields,
    mapping?.document,
  );
}

/** A mapping drafted from the object's observed fields: applied when its confident part maps the required fields. */
async function onboard(env: Env, scope: TenantScope, batch: RawBatch, entity: NonNullable<RawBatch["entity"]>): Promise<Healed> {
  const what = `${batch.system}/${batch.object} has no mapping yet`;
  const waiting = await pendingRepair(scope, batch.system, batch.object);
  if (waiting !== undefined) return { registry: await tenantMappings(scope), hold: waitingFor(waiting, what) };
  const shape = await loadShape(scope, { connectionId: batch.connection_id, object: batch.object });
  const fields = shape?.fields ?? [];
  const { matcher } = await matcherFor(env, scope);
  const { matches } = await matcher({ entity, system: batch.system, fields: fields.map((f) => ({ name: f.path, label: f.label ?? null, type: f.type, samples: f.samples })) });
  const target = { system: batch.system, object: batch.object, entity };
  const draft = draftOnboarding(target, fields, matches);
  const proposed = await proposeRepair(
    env,
    scope,
    { kind: "onboarding", ...target, baseVersion: null, connectionId: batch.connection_id, driftEventId: null, changes: draft.changes },
    batch.trace_id,
  );
  return settled(scope, proposed.repairs, what);
}

/** After a proposal: map with the new version if one was applied and nothing of it still waits, else hold. */
async function settled(scope: TenantScope, repairs: MappingRepairRow[], what: string): Promise<Healed> {
  const registry = await tenantMappings(scope);
  const applied = repairs.some((r) => r.status === "applied");
  const waiting = repairs.find((r) => r.status === "pending");
  if (waiting !== undefined && !applied) return { registry, hold: waitingFor(waiting, what) };
  return { registry };
}
