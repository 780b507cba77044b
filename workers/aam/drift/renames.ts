/**
 * Renames, as the repair planner found them: the observer sees a path go and another appear; when the matcher
 * re-maps the gone path's target to the new path, the pair was one field renamed (or moved), and the drift event
 * says so with one `renamed` change in place of the two.
 */
import type { RepairChange } from "../repair/changes";
import type { DriftChange } from "./schemas";

export function withRenames(changes: readonly DriftChange[], repairs: readonly RepairChange[]): DriftChange[] {
  const renamed = new Map(repairs.flatMap((r) => (r.action === "map" && r.from !== null && r.previous_from !== null ? [[r.previous_from, r.from] as const] : [])));
  const newPaths = new Set(renamed.values());
  const result: DriftChange[] = [];
  for (const change of changes) {
    if (change.kind === "added" && newPaths.has(change.path)) continue;
    const to = change.kind === "removed" ? renamed.get(change.path) : undefined;
    if (to === undefined) {
      result.push(change);
      continue;
    }
    const added = changes.find((c) => c.kind === "added" && c.path === to);
    result.push({ ...change, kind: "renamed", to, to_type: added?.to_type ?? null, samples: added?.samples ?? [] });
  }
  return result;
}
