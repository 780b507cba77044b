/**
 * How a past decision is kept in a VectorIndex, one encoding for both sides: remember() writing the tenant's
 * namespace and the retriever seeding or reading it. The field is embedded with the request fields' own document
 * function, so a field remembered under a name matches a request field of the same name exactly. A null target
 * (keep in extras) is stored as null, which Vectorize leaves out: an absent target reads back as null.
 */
import type { IndexedVector, MemoryEntry } from "./ports";
import { fieldDocument } from "./score";

export function memoryDocument(entry: Pick<MemoryEntry, "field_name" | "field_label">): string {
  return fieldDocument(entry.field_name, entry.field_label);
}

export function memoryVector(id: string, entry: MemoryEntry, values: number[], model: string): IndexedVector {
  return {
    id,
    values,
    metadata: { entity: entry.entity, system: entry.system, field_name: entry.field_name, field_label: entry.field_label, target: entry.target, verdict: entry.verdict, model },
  };
}

/** The decision a stored vector carries, or null when its metadata is not one remember() wrote. */
export function decisionOf(metadata: IndexedVector["metadata"]): Pick<MemoryEntry, "system" | "target" | "verdict"> | null {
  const { system, target, verdict } = metadata;
  if (typeof system !== "string" || (verdict !== "accepted" && verdict !== "rejected")) return null;
  return { system, target: typeof target === "string" ? target : null, verdict };
}
