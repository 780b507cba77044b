/**
 * `extras`: what a mapping did not consume, so nothing a source sent is lost. A key read by any field (or by
 * record_id, or listed in `ignore`) is consumed; for a nested read like `Owner.Name` only that leaf is, and the
 * rest of `Owner` stays in extras as { Owner: { Email: … } }. A path through an array (`Contacts[0].Email`)
 * consumes the whole array: element-wise leftovers would be more confusing than useful.
 */
import type { SourcePath } from "./path";

type Consumed = Map<string, Consumed | true>;

export function consumedTree(paths: Iterable<SourcePath>): Consumed {
  const root: Consumed = new Map();
  for (const path of paths) {
    let node = root;
    for (let i = 0; i < path.length; i += 1) {
      const segment = path[i]!;
      if (!("key" in segment)) break;
      const next = path[i + 1];
      const existing = node.get(segment.key);
      if (existing === true) break;
      if (next === undefined || !("key" in next)) {
        node.set(segment.key, true);
        break;
      }
      const child: Consumed = existing ?? new Map();
      node.set(segment.key, child);
      node = child;
    }
  }
  return root;
}

/** The source fields `tree` did not consume, nested objects as the source gave them. */
export function residual(record: Record<string, unknown>, tree: Consumed): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const node = tree.get(key);
    const value = record[key];
    if (node === undefined) keep(kept, key, value);
    else if (node !== true && value !== null && value !== undefined) {
      if (typeof value === "object" && !Array.isArray(value)) {
        const rest = residual(value as Record<string, unknown>, node);
        if (Object.keys(rest).length > 0) keep(kept, key, rest);
      } else keep(kept, key, value); // not the object the mapping expected: kept, never silently lost
    }
  }
  return kept;
}

function keep(target: Record<string, unknown>, key: string, value: unknown): void {
  // Assigning "__proto__" would set the prototype; defining it keeps a source key of that name as plain data.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
