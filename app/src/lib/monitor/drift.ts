/** A drift event's changes in words. */
import type { DriftChange } from "./types";

/** One change as a line: what happened to which source field, and the canonical field it feeds. */
export function describeDriftChange(change: DriftChange): string {
  const what = {
    added: `added ${change.path}`,
    removed: `removed ${change.path}`,
    renamed: `renamed ${change.path} → ${change.to ?? "?"}`,
    retyped: `retyped ${change.path}: ${change.from_type ?? "?"} → ${change.to_type ?? "?"}`,
  }[change.kind];
  return change.target === null ? what : `${what} (feeds ${change.target})`;
}
