/** A CSV header row → the field names records are keyed by. */
import type { HeaderField } from "./rows";

/**
 * Names are the trimmed cells; an empty cell becomes `column_<n>` and a repeated name gets `_2`, `_3`… so every
 * value keeps its own key (a duplicate column is not silently overwritten). Labels keep the cell as written.
 */
export function headerFields(cells: string[]): HeaderField[] {
  const taken = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() === "" ? `column_${index + 1}` : cell.trim();
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return { name, label: cell.trim() === "" ? name : cell.trim() };
  });
}
