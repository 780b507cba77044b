/**
 * A repair's life: proposed (stored; applied at once when every change is automatic), applied (a new tenant
 * mapping version, then the object's quarantine replayed through it), rejected, or rolled back (a newer version
 * with the content from before the repair). Each decision feeds the matcher's memory and moves the drift event
 * that caused the repair along.
 */
import { eq } from "drizzle-orm";
import type { Env } from "../../env";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, isUniqueViolation, schema } from "../../platform/db";
import type { DriftEventRow, MappingRepairRow, MappingVersionRow } from "../../platform/db/schema";
import { randomHex } from "../../platform/ids";
import { memoryVectorsFor } from "../matching/for-env";
import { remember } from "../matching/memory-store";
import { appendOverride, MAPPING_VERSION_KEY } from "../mapping/overrides";
import { compileSubmitted, invalidMapping } from "../mapping/overrides-submit";
import { entryText, entryVersion, mappingHistory, mappingVersionAt } from "../mapping/overrides-history";
import type { RegisteredMapping } from "../mapping/registry";
import { lowestConfidence, type RepairChange } from "./changes";
import { draftDocument, splitDraft } from "./draft";
import { editAndCompile, editMappingText } from "./edit-document";
import { type ChangeOverride, overrideChanges } from "./overrides";
import { type ObjectReplay, replayObject } from "./replay-object";
import { createRepair, getRepair, type NewRepair, repairChanges, type RepairStatus, transitionRepair } from "./store";
import { auditSystemAction } from "./system-audit";

const { driftEvents } = schema;

/** Who decides repairs whose every change cleared the tenant's threshold. */
export const AUTO_DECIDER = "aam:auto";

export interface AppliedRepair {
  repair: MappingRepairRow;
  version: MappingVersionRow;
  replay: ObjectReplay;
}

export interface ProposedRepairs {
  /** the stored repairs: an applied one, a pending one, or both (onboarding applies its confident part) */
  repairs: MappingRepairRow[];
  /** what replaying the quarantine after the automatic application did */
  replay: ObjectReplay | null;
}

const describeChanges = (changes: RepairChange[]) => changes.map((c) => `${c.action} ${c.target}`).join(", ");

/** The current mapping with the changes applied, or for an object with none, the draft they make. */
async function repairedMapping(scope: TenantScope, repair: MappingRepairRow, changes: RepairChange[]): Promise<{ text: string; mapping: RegisteredMapping }> {
  const current = await mappingVersionAt(scope, repair.system, repair.object, "current");
  if (current !== undefined) return editAndCompile(entryText(current), changes, entryVersion(current) + 1);
  const text = draftDocument(repair, changes, 1);
  const mapping = await compileSubmitted(text);
  if (Array.isArray(mapping)) throw invalidMapping(`The drafted mapping has ${mapping.length} problem(s)`, mapping);
  return { text, mapping };
}

async function appendVersion(scope: TenantScope, compiled: { text: string; mapping: RegisteredMapping }, author: string, comment: string): Promise<MappingVersionRow> {
  const { mapping, text } = compiled;
  try {
    return await appendOverride(scope, {
      system: mapping.system,
      object: mapping.object,
      version: mapping.version,
      entity: mapping.entity,
      source: text,
      contentHash: mapping.content_hash,
      mappingVersion: mapping.mapping_version,
      author,
      comment,
    });
  } catch (err) {
    if (isUniqueViolation(err, MAPPING_VERSION_KEY)) throw new ProblemError("conflict", `${mapping.system}/${mapping.object} version ${mapping.version} was just created by another change`);
    throw err;
  }
}

async function setDriftStatus(scope: TenantScope, repair: MappingRepairRow, status: DriftEventRow["status"], now: Date): Promise<void> {
  if (repair.driftEventId === null) return;
  const resolved = status === "repaired" ? now.toISOString() : null;
  await scope.update(driftEvents, { status, repairId: repair.id, resolvedAt: resolved }, eq(driftEvents.id, repair.driftEventId));
}

/** The source fields the decision says are (or are not) the targets they were matched to. */
async function rememberDecision(env: Env, scope: TenantScope, repair: MappingRepairRow, changes: RepairChange[], verdict: "accepted" | "rejected"): Promise<void> {
  const matched = changes.filter((c) => c.action === "map" && c.from !== null);
  if (matched.length === 0) return;
  await remember(
    scope,
    matched.map((c) => ({ system: repair.system, entity: repair.entity, field_name: c.from!, field_label: null, target: c.target, verdict, repair_id: repair.id })),
    memoryVectorsFor(env),
  );
}

function requireStatus(repair: MappingRepairRow, status: RepairStatus, action: string): void {
  if (repair.status !== status) throw new ProblemError("conflict", `Repair ${repair.id} is ${repair.status}; only ${status} repairs can be ${action}`);
}

async function reread(scope: TenantScope, id: string): Promise<MappingRepairRow> {
  const row = await getRepair(scope, id);
  if (row === undefined) throw new Error(`repair ${id} vanished`);
  return row;
}

export interface ApplyOptions {
  /** the trace the replay runs and the audit entry carry (a request's, or a fresh one) */
  traceId?: string;
  /** a reviewer's corrections of individual changes */
  overrides?: ChangeOverride[];
}

export async function applyRepair(env: Env, scope: TenantScope, repair: MappingRepairRow, decidedBy: string, options: ApplyOptions = {}): Promise<AppliedRepair> {
  requireStatus(repair, "pending", "applied");
  const traceId = options.traceId ?? randomHex(16);
  const proposed = repairChanges(repair);
  const { changes, replaced } = overrideChanges(proposed, options.overrides ?? []);
  const compiled = await repairedMapping(scope, repair, changes);
  const now = new Date();
  // Claimed first, so a concurrent decision cannot apply (or reject) it too; released if the version fails.
  const claimed = await transitionRepair(scope, repair.id, "pending", {
    status: "applied",
    changes,
    confidence: lowestConfidence(changes),
    appliedVersion: compiled.mapping.version,
    decidedBy,
    decidedAt: now.toISOString(),
  });
  if (!claimed) throw new ProblemError("conflict", `Repair ${repair.id} was decided by another request`);
  let version: MappingVersionRow;
  try {
    version = await appendVersion(scope, compiled, decidedBy, `repair ${repair.id}: ${describeChanges(changes)}`);
  } catch (err) {
    await transitionRepair(scope, repair.id, "applied", { status: "pending", changes: proposed, confidence: repair.confidence, appliedVersion: null, decidedBy: null, decidedAt: null });
    throw err;
  }
  await setDriftStatus(scope, repair, "repaired", now);
  await rememberDecision(env, scope, repair, replaced, "rejected");
  await rememberDecision(env, scope, repair, changes, "accepted");
  if (decidedBy === AUTO_DECIDER) {
    await auditSystemAction(env, { tenant_id: scope.tenantId, actor_id: AUTO_DECIDER, resource: `/api/v1/aam/repairs/${repair.id}/approve`, trace_id: traceId });
  }
  const replay = await replayObject(env, scope, repair.system, repair.object, traceId);
  return { repair: await reread(scope, repair.id), version, replay };
}

export async function rejectRepair(env: Env, scope: TenantScope, repair: MappingRepairRow, decidedBy: string): Promise<MappingRepairRow> {
  requireStatus(repair, "pending", "rejected");
  const now = new Date();
  if (!(await transitionRepair(scope, repair.id, "pending", { status: "rejected", decidedBy, decidedAt: now.toISOString() }))) {
    throw new ProblemError("conflict", `Repair ${repair.id} was decided by another request`);
  }
  await setDriftStatus(scope, repair, "open", now);
  await rememberDecision(env, scope, repair, repairChanges(repair), "rejected");
  return reread(scope, repair.id);
}

/**
 * Appends a version whose content is the one the repair replaced. Only while the repair's version is the one in
 * effect: rolling back under later edits would silently undo them too.
 */
export async function rollbackRepair(scope: TenantScope, repair: MappingRepairRow, decidedBy: string): Promise<{ repair: MappingRepairRow; version: MappingVersionRow }> {
  requireStatus(repair, "applied", "rolled back");
  const history = await mappingHistory(scope, repair.system, repair.object);
  const at = history.findIndex((entry) => entry.origin === "tenant" && entry.row.version === repair.appliedVersion);
  if (at !== 0) throw new ProblemError("conflict", `${repair.system}/${repair.object} changed after repair ${repair.id}: roll back the later versions first`);
  const before = history[1];
  if (before === undefined) throw new ProblemError("conflict", `Repair ${repair.id} created the first mapping of ${repair.system}/${repair.object}: there is no earlier version to return to`);
  const number = entryVersion(history[0]!) + 1;
  const text = editMappingText(entryText(before), [], number);
  const mapping = await compileSubmitted(text);
  if (Array.isArray(mapping)) throw invalidMapping(`The version before repair ${repair.id} no longer compiles`, mapping);
  const now = new Date();
  if (!(await transitionRepair(scope, repair.id, "applied", { status: "rolled_back", rolledBackVersion: number, decidedBy, decidedAt: now.toISOString() }))) {
    throw new ProblemError("conflict", `Repair ${repair.id} was rolled back by another request`);
  }
  const version = await appendVersion(scope, { text, mapping }, decidedBy, `rollback of repair ${repair.id}: content of version ${entryVersion(before)}`);
  await setDriftStatus(scope, repair, "open", now);
  return { repair: await reread(scope, repair.id), version };
}

/**
 * Stores a proposed repair. A drift repair whose every change is automatic is applied at once, else it waits for
 * approval. An onboarding draft applies its confident part at once when that part fills the required targets,
 * and leaves the rest pending as a second repair.
 */
export async function proposeRepair(env: Env, scope: TenantScope, input: NewRepair, traceId = randomHex(16)): Promise<ProposedRepairs> {
  const { automatic, pending } = splitProposal(input);
  const repairs: MappingRepairRow[] = [];
  let replay: ObjectReplay | null = null;
  if (automatic.length > 0) {
    const repair = await createRepair(scope, { ...input, changes: automatic });
    try {
      const applied = await applyRepair(env, scope, repair, AUTO_DECIDER, { traceId });
      repairs.push(applied.repair);
      replay = applied.replay;
    } catch (err) {
      // confident changes that do not make a valid mapping together wait for a person like any other
      if (!(err instanceof ProblemError && err.kind === "invalid-mapping")) throw err;
      await setDriftStatus(scope, repair, "repair_pending", new Date());
      repairs.push(repair);
    }
  }
  if (pending.length > 0) {
    const waiting = await createRepair(scope, { ...input, changes: pending, baseVersion: repairs[0]?.appliedVersion ?? input.baseVersion });
    await setDriftStatus(scope, waiting, "repair_pending", new Date());
    repairs.push(waiting);
  }
  return { repairs, replay };
}

function splitProposal(input: NewRepair): { automatic: RepairChange[]; pending: RepairChange[] } {
  if (input.kind === "onboarding") {
    const { applied, pending } = splitDraft(input.entity, input.changes);
    return { automatic: applied, pending };
  }
  const all = input.changes.every((c) => c.auto);
  return { automatic: all ? input.changes : [], pending: all ? [] : input.changes };
}
