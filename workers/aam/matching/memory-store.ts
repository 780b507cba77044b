/**
 * The tenant's matching memory: source fields people accepted or rejected for a canonical target, kept in the
 * match_memory table. One row per (system, entity, field, target), so a later verdict on the same pair replaces the
 * earlier one. With a production vector index configured, each decision is also embedded into the tenant's own
 * namespace there, and the matcher queries that namespace; without one, it reads the table through listMemory
 * (matching/for-env.ts).
 */
import { and, eq } from "drizzle-orm";
import type { EntityName } from "../../canonical/names";
import { schema, type TenantScope } from "../../platform/db";
import { sha256Hex } from "../../platform/crypto";
import type { Embedder, MemoryEntry, VectorIndex } from "./ports";
import { memoryDocument, memoryVector } from "./memory-vectors";

const { matchMemory } = schema;

export type RememberedEntry = MemoryEntry & { repair_id?: string | null };

/** Where decisions are embedded besides D1 (a Vectorize index with its embedder); see matching/for-env.ts. */
export interface MemoryVectors {
  embedder: Embedder;
  index: VectorIndex;
}

/** The tenant's vector namespace for its memory in a shared index. */
export const memoryNamespace = (tenantId: string) => `memory:${tenantId}`;

/** The same pair of the same tenant always gets the same id (the tenant is in it: ids are global keys). */
async function memoryId(tenantId: string, entry: MemoryEntry): Promise<string> {
  const hash = await sha256Hex(JSON.stringify([tenantId, entry.system, entry.entity, entry.field_name, entry.target]));
  return `mem_${hash.slice(0, 40)}`;
}

export async function listMemory(scope: TenantScope, entity: EntityName, system?: string): Promise<MemoryEntry[]> {
  const rows = await scope.select(matchMemory, and(eq(matchMemory.entity, entity), system === undefined ? undefined : eq(matchMemory.system, system)));
  return rows.map((row) => ({ system: row.system, entity: row.entity, field_name: row.fieldName, field_label: row.fieldLabel, target: row.target, verdict: row.verdict }));
}

export async function remember(scope: TenantScope, entries: RememberedEntry[], vectors?: MemoryVectors): Promise<void> {
  if (entries.length === 0) return;
  const createdAt = new Date().toISOString();
  const ids = await Promise.all(entries.map((entry) => memoryId(scope.tenantId, entry)));
  // entries repeating a pair: the last one is the verdict that stands
  const latest = new Map(entries.map((entry, i) => [ids[i]!, entry]));
  const rows = [...latest].map(([id, entry]) => ({
    id,
    system: entry.system,
    entity: entry.entity,
    fieldName: entry.field_name,
    fieldLabel: entry.field_label,
    target: entry.target,
    verdict: entry.verdict,
    repairId: entry.repair_id ?? null,
    createdAt,
  }));
  await scope.sets.run(scope.sets.upsert(matchMemory, rows));
  if (vectors === undefined) return;
  const values = await vectors.embedder.embed([...latest.values()].map(memoryDocument));
  await vectors.index.upsert(
    memoryNamespace(scope.tenantId),
    [...latest].map(([id, entry], i) => memoryVector(id, entry, values[i]!, vectors.embedder.model)),
  );
}
