/**
 * A reviewer's corrections to a pending repair before approving it: per change, another source path (`from`) and/or
 * another canonical target. The UI keeps one draft per change; this module turns the drafts into the approve
 * request's `overrides` (only what differs from the proposal) and offers the candidates to pick from.
 */
import type { ApproveRepairRequest, ChangeOverride, DriftEvent, RepairChange } from "./types";

/** The approve request as the console sends it: always with its (possibly empty) list of overrides. */
export type OverridesBody = Required<ApproveRepairRequest>;

/** What the reviewer has chosen for one change; starts as the proposal ("" where the change has no source path). */
export interface ChangeDraft {
  target: string;
  from: string;
}

export const draftOf = (change: RepairChange): ChangeDraft => ({ target: change.target, from: change.from ?? "" });

/** Whether the change's source path can be corrected: not when it maps to a constant (the path would be ignored). */
export const fromAdjustable = (change: RepairChange): boolean => change.value === undefined;

/** The request body, or per-change messages when a draft cannot be sent as it is. */
export type OverridesResult = { ok: true; body: OverridesBody } | { ok: false; errors: Map<number, string> };

/**
 * Only the fields a draft changes go into the body; an unchanged change is left out. An `unmap` change can only be
 * corrected by giving the source path to map it from (the API refuses a bare target for it).
 */
export function buildOverrides(changes: readonly RepairChange[], drafts: readonly ChangeDraft[]): OverridesResult {
  const overrides: ChangeOverride[] = [];
  const errors = new Map<number, string>();
  changes.forEach((change, index) => {
    const draft = drafts[index];
    if (draft === undefined) return;
    const target = draft.target.trim();
    const from = fromAdjustable(change) ? draft.from.trim() : "";
    const override: ChangeOverride = { change: index };
    if (target !== "" && target !== change.target) override.target = target;
    if (from !== "" && from !== change.from) override.from = from;
    if (override.target === undefined && override.from === undefined) return;
    if (change.action === "unmap" && override.from === undefined) {
      errors.set(index, `${change.target} is being unmapped: choose the source field to map it from`);
      return;
    }
    overrides.push(override);
  });
  return errors.size > 0 ? { ok: false, errors } : { ok: true, body: { overrides } };
}

/** The API's per-field errors (`overrides.<n>.<field>`) by the position of the override they concern. */
export function overrideErrorsByChange(fieldErrors: Record<string, string>, body: OverridesBody): Map<number, string> {
  const byChange = new Map<number, string>();
  for (const [field, message] of Object.entries(fieldErrors)) {
    const match = /^overrides\.(\d+)(?:\.|$)/.exec(field);
    const override = match === null ? undefined : body.overrides[Number(match[1])];
    if (override !== undefined && !byChange.has(override.change)) byChange.set(override.change, message);
  }
  return byChange;
}

/**
 * Source paths a reviewer is likely to pick: the paths the drift saw appear (added, or a rename's new path) and the
 * paths the repair already uses, sorted. The input they feed also accepts any other path.
 */
export function sourceCandidates(changes: readonly RepairChange[], drift: DriftEvent | undefined): string[] {
  const paths = new Set<string>();
  for (const change of drift?.changes ?? []) {
    if (change.kind === "added" || change.kind === "retyped") paths.add(change.path);
    if (change.kind === "renamed" && change.to !== null) paths.add(change.to);
  }
  for (const change of changes) if (change.from !== null) paths.add(change.from);
  return [...paths].sort((a, b) => a.localeCompare(b));
}

/**
 * The targets a change can be moved to: its own first (it may be `source_id`, which stands for the record id and is
 * not in the entity's schema), then the canonical entity's fields from its JSON Schema, sorted.
 */
export function targetCandidates(change: RepairChange, entitySchema: Record<string, unknown> | undefined): string[] {
  const properties = entitySchema?.["properties"];
  const fields = typeof properties === "object" && properties !== null ? Object.keys(properties) : [];
  return [change.target, ...fields.filter((f) => f !== change.target).sort((a, b) => a.localeCompare(b))];
}
