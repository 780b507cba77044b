/**
 * The audit chain's hash, pure so the Durable Object, the tests and any offline verifier compute the same digest.
 *
 *   hash = lowercase hex SHA-256 of the UTF-8 bytes of
 *          JSON.stringify([FORMAT, prev_hash, seq, tenant_id, occurred_at, actor_type, actor_id,
 *                          method, route, resource, status, trace_id, body_hash])
 *
 * A JSON array fixes the field order without depending on object key order, and JSON string escaping keeps the
 * encoding unambiguous (no value can spill into its neighbour); numbers are integers, `route` and `body_hash` may be null. FORMAT
 * names this serialisation, so a future one can coexist with records hashed under it. The first record's prev_hash
 * is GENESIS_HASH. The order below is part of the format: never reorder it, and add new fields only under a new FORMAT.
 */
import { sha256Hex } from "../platform/crypto";
import type { AuditRecord } from "./schema";

export const FORMAT = "autonomos.audit.v1";
export const GENESIS_HASH = "0".repeat(64);

export type UnsealedRecord = Omit<AuditRecord, "hash">;

export const CHAINED_FIELDS = [
  "prev_hash",
  "seq",
  "tenant_id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "method",
  "route",
  "resource",
  "status",
  "trace_id",
  "body_hash",
] as const satisfies readonly (keyof UnsealedRecord)[];

/** The canonical form in words, for the API documentation (typed apart so the schema does not depend on itself). */
export const CANONICAL_FORM: string = `the UTF-8 bytes of the JSON array ["${FORMAT}", ${CHAINED_FIELDS.join(", ")}]`;

export function canonicalize(record: UnsealedRecord): string {
  return JSON.stringify([FORMAT, ...CHAINED_FIELDS.map((field) => record[field])]);
}

export function chainHash(record: UnsealedRecord): Promise<string> {
  return sha256Hex(canonicalize(record));
}
