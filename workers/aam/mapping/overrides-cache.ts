/**
 * Tenant overrides compiled once per isolate, keyed by content hash: the normalize consumer asks for a tenant's
 * mappings on every batch, and only the first batch after a new version compiles it. Bounded, least recently used
 * out first; the same content under two tenants (or in two versions' layouts) compiles once.
 */
import type { MappingVersionRow } from "../../platform/db/schema";
import type { MappingSource } from "./load";
import { compileSource, type RegisteredMapping } from "./registry";

const MAX_ENTRIES = 256;
const compiled = new Map<string, Promise<RegisteredMapping>>();

/** How an override's text is named in load errors. */
export const overrideSource = (row: Pick<MappingVersionRow, "system" | "object" | "version" | "source">): MappingSource => ({
  file: `tenant override ${row.system}/${row.object} v${row.version}`,
  text: row.source,
});

export async function compiledOverride(row: MappingVersionRow): Promise<RegisteredMapping> {
  let pending = compiled.get(row.contentHash);
  if (pending === undefined) {
    pending = compileSource(overrideSource(row));
    // A failure is not cached: the next call tries again (and reports it again).
    pending.catch(() => compiled.delete(row.contentHash));
    if (compiled.size >= MAX_ENTRIES) compiled.delete(compiled.keys().next().value!);
  } else {
    compiled.delete(row.contentHash); // re-inserted below: most recently used last
  }
  compiled.set(row.contentHash, pending);
  // Equal content may come from differently written text: each row keeps its own.
  return { ...(await pending), source: overrideSource(row) };
}
