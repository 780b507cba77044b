/**
 * Zero-config onboarding: a mapping drafted for a source object that has none, from the fields observed in its
 * records and the matcher's verdicts. Confident matches make the applied draft; the rest are proposed changes a
 * person approves. A draft that leaves a required target (account.name, opportunity.status…) unmatched cannot be
 * applied: the object's records wait in quarantine until someone maps it.
 */
import { entityFields } from "../../canonical/entities";
import type { EntityName, SourceSystem } from "../../canonical/names";
import type { ObservedField } from "../drift/schemas";
import type { Match } from "../matching/ports";
import { RECORD_ID_TARGET, type RepairChange } from "./changes";
import { AMOUNT_FIELD } from "../../canonical/amount-fields";
import { amountCurrency } from "./amount-currency";
import { chooseTransforms } from "./transform-choice";
import { requiredTargets } from "./targets";
import { flowText } from "./yaml-style";

export interface DraftTarget {
  system: SourceSystem;
  object: string;
  entity: EntityName;
  /** filesource only: the names of files the mapping reads */
  files?: string[] | undefined;
}

export interface OnboardingDraft {
  /** every matched field as a change, confident ones first */
  changes: RepairChange[];
  /** the changes the draft applies at once (none while required targets are missing) */
  applied: RepairChange[];
  /** the changes left for approval */
  pending: RepairChange[];
  /** required targets no confident match fills */
  missing_required: string[];
  /** the applied draft as a mapping document (version 1), or null when it cannot be applied yet */
  document: string | null;
}

/** One `map` change per matched field, with transforms for the target's kind; one field per target (the likeliest). */
export function draftChanges(entity: EntityName, fields: ObservedField[], matches: Match[]): RepairChange[] {
  const fieldOf = new Map(fields.map((f) => [f.path, f]));
  const best = new Map<string, Match>();
  for (const match of matches) {
    if (match.target === null) continue;
    const held = best.get(match.target);
    if (held === undefined || match.confidence > held.confidence) best.set(match.target, match);
  }
  const changes = [...best.values()]
    .sort((a, b) => b.confidence - a.confidence)
    .map((match): RepairChange => {
      const target = match.target!;
      const samples = fieldOf.get(match.field)?.samples ?? [];
      return {
        target,
        action: "map" as const,
        from: match.field,
        previous_from: null,
        ...(target === RECORD_ID_TARGET ? {} : { transforms: chooseTransforms(entity, target, samples) }),
        confidence: match.confidence,
        auto: match.auto_apply,
        reason: `"${match.field}" matched ${entity}.${target}`,
      };
    });
  return withCurrency(entity, changes, fieldOf);
}

/**
 * An amount needs its currency (the entity's schema says so): from a matched currency column, else the one its
 * column names or writes beside its values (a constant); failing both, the amount waits for a person.
 */
function withCurrency(entity: EntityName, changes: RepairChange[], fieldOf: Map<string, ObservedField>): RepairChange[] {
  const amountField = AMOUNT_FIELD[entity];
  const amount = changes.find((c) => c.target === amountField && c.from !== null);
  if (amount === undefined || changes.some((c) => c.target === "currency")) return changes;
  const field = fieldOf.get(amount.from!);
  const code = field === undefined ? undefined : amountCurrency(field);
  if (code === undefined) {
    const reason = `${amount.reason}; no column says which currency its amounts are in: map currency first`;
    return changes.map((c) => (c === amount ? { ...c, auto: false, reason } : c));
  }
  const currency: RepairChange = {
    target: "currency",
    action: "map",
    from: null,
    previous_from: null,
    value: code,
    confidence: amount.confidence,
    auto: amount.auto,
    reason: `"${amount.from}" is written in ${code}`,
  };
  return [...changes, currency];
}

export type DraftSplit = Pick<OnboardingDraft, "applied" | "pending" | "missing_required">;

/** Confident changes apply at once if they fill every required target; otherwise all of them wait for a person. */
export function splitDraft(entity: EntityName, changes: RepairChange[]): DraftSplit {
  const confident = changes.filter((c) => c.auto);
  const filled = new Set(confident.filter((c) => c.action === "map" && c.from !== null).map((c) => c.target));
  const missing = requiredTargets(entity).filter((t) => !filled.has(t));
  return missing.length === 0
    ? { applied: confident, pending: changes.filter((c) => !c.auto), missing_required: [] }
    : { applied: [], pending: changes, missing_required: missing };
}

export function draftOnboarding(target: DraftTarget, fields: ObservedField[], matches: Match[]): OnboardingDraft {
  const changes = draftChanges(target.entity, fields, matches);
  const split = splitDraft(target.entity, changes);
  return { changes, ...split, document: split.applied.length === 0 ? null : draftDocument(target, split.applied, 1) };
}

/** A whole mapping document from `map` changes: record_id from the source_id change, each other target as `{ from, transforms }`. */
export function draftDocument(target: DraftTarget, changes: RepairChange[], version: number): string {
  const recordId = changes.find((c) => c.target === RECORD_ID_TARGET && c.from !== null)?.from;
  const order = entityFields(target.entity);
  const fields = changes
    .filter((c) => c.target !== RECORD_ID_TARGET && c.action === "map" && (c.from !== null || c.value !== undefined))
    .sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target)); // the entity's own field order
  return [
    `# Drafted by AutonomOS from the fields observed in ${target.system}/${target.object}; unmatched fields stay in extras.`,
    `system: ${flowText(target.system)}`,
    `object: ${flowText(target.object)}`,
    ...(target.files === undefined ? [] : [`files: ${flowText(target.files)}`]),
    `entity: ${target.entity}`,
    `version: ${version}`,
    ...(recordId === undefined ? [] : [`record_id: ${flowText(recordId)}`]),
    "extras: rest",
    fields.length === 0 ? "fields: {}" : "fields:",
    ...fields.map((c) => `  ${flowText(c.target)}: ${flowText(c.value === undefined ? { from: c.from, transforms: c.transforms ?? [] } : { const: c.value })}`),
    "",
  ].join("\n");
}
