/**
 * A file row's record id. With `id_column` set and present in the row, its value. Otherwise a hash of the row's
 * content (field names and values, key order ignored) rather than of file name and line: a re-upload, or a
 * re-export where rows moved or columns were reordered, gives every unchanged row the same id, so the pipeline
 * dedupes it. The cost: identical rows in one file share an id (they are the same record as far as a file can
 * tell), and an edited row gets a new one (a file has no identity to tell "changed" from "new"; use id_column).
 */
import { stableJson } from "../../../canonical/stable-json";
import { sha256Hex } from "../../../platform/crypto";

/** The id, or the reason the row has none. */
export async function recordIdOf(
  data: Record<string, unknown>,
  idColumn: string | undefined,
): Promise<{ id: string } | { reason: string }> {
  if (idColumn === undefined || !Object.hasOwn(data, idColumn)) {
    return { id: `row_${(await sha256Hex(stableJson(data))).slice(0, 32)}` };
  }
  const value = data[idColumn];
  if (typeof value === "number") return { id: String(value) };
  if (typeof value === "string" && value.trim() !== "") return { id: value.trim() };
  return { reason: `the id column "${idColumn}" is empty (or not a string or number)` };
}
