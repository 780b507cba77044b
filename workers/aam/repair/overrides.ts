/**
 * A reviewer's corrections when approving: per change (by its position in the repair), another canonical target
 * or another source path. A corrected change is the reviewer's decision (confidence 1); the match it replaced is
 * returned so the matcher can remember it as wrong.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../gateway/problem";
import type { RepairChange } from "./changes";

export const ChangeOverrideSchema = z
  .object({
    change: z.number().int().nonnegative().openapi({ description: "The change's position in the repair's `changes`" }),
    target: z.string().min(1).optional().openapi({ description: "The canonical field it should fill instead", example: "annual_revenue" }),
    from: z.string().min(1).optional().openapi({ description: "The source path it should be filled from instead", example: "Revenue__c" }),
  })
  .refine((o) => o.target !== undefined || o.from !== undefined, { error: "An override changes the target, the source path or both" })
  .openapi("RepairChangeOverride");
export type ChangeOverride = z.infer<typeof ChangeOverrideSchema>;

export function overrideChanges(changes: RepairChange[], overrides: ChangeOverride[]): { changes: RepairChange[]; replaced: RepairChange[] } {
  const replaced: RepairChange[] = [];
  const result = [...changes];
  for (const override of overrides) {
    const original = result[override.change];
    if (original === undefined) throw new ProblemError("validation-error", `The repair has ${changes.length} change(s); there is no change ${override.change}`);
    if (original.action === "unmap" && override.from === undefined) throw new ProblemError("validation-error", `Change ${override.change} unmaps ${original.target}: give the source path to map it from instead`);
    if (original.target !== (override.target ?? original.target) || original.from !== (override.from ?? original.from)) replaced.push(original);
    result[override.change] = {
      ...original,
      action: original.action === "unmap" ? "map" : original.action,
      target: override.target ?? original.target,
      from: override.from ?? original.from,
      confidence: 1,
      reason: `${original.reason}; corrected by the reviewer`,
    };
  }
  return { changes: result, replaced };
}
