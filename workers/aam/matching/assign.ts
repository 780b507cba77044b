/**
 * One-to-one assignment over the whole object: each target goes to at most one field, any number of fields keep
 * `null` (extras). Maximises the total of (score − floor) over assigned pairs with the Hungarian method, so a
 * field that fits two targets does not take the one a better-placed sibling needs (`amt` / `amt_usd`).
 */

/**
 * scores[field][target]; pairs below `floor` are never assigned. Returns each field's target index or null.
 */
export function assignTargets(scores: readonly (readonly number[])[], floor: number): (number | null)[] {
  const result: (number | null)[] = scores.map(() => null);
  // only fields with a candidate above the floor take part; the rest stay null without costing the solver
  const rows = scores.flatMap((row, index) => (row.some((score) => score > floor) ? [index] : []));
  if (rows.length === 0) return result;
  const targets = scores[0]?.length ?? 0;
  const columns = targets + rows.length; // one private "null" column per participating field
  const cost = (row: number, column: number): number => {
    if (column >= targets) return 0;
    const score = scores[rows[row] ?? 0]?.[column] ?? 0;
    return score > floor ? floor - score : Number.POSITIVE_INFINITY;
  };
  // Hungarian algorithm, rows ≤ columns (1-based potentials as in the classic formulation)
  const n = rows.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(columns + 1);
  const match = new Int32Array(columns + 1); // column → row (1-based), 0 = free
  const way = new Int32Array(columns + 1);
  for (let row = 1; row <= n; row++) {
    match[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(columns + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(columns + 1);
    do {
      used[column0] = 1;
      const row0 = match[column0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let column1 = 0;
      for (let column = 1; column <= columns; column++) {
        if (used[column]) continue;
        const reduced = cost(row0 - 1, column - 1) - (u[row0] ?? 0) - (v[column] ?? 0);
        if (reduced < (minimum[column] ?? 0)) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if ((minimum[column] ?? 0) < delta) {
          delta = minimum[column] ?? 0;
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column++) {
        if (used[column]) {
          u[match[column] ?? 0] = (u[match[column] ?? 0] ?? 0) + delta;
          v[column] = (v[column] ?? 0) - delta;
        } else {
          minimum[column] = (minimum[column] ?? 0) - delta;
        }
      }
      column0 = column1;
    } while ((match[column0] ?? 0) !== 0);
    do {
      const column1 = way[column0] ?? 0;
      match[column0] = match[column1] ?? 0;
      column0 = column1;
    } while (column0 !== 0);
  }
  for (let column = 1; column <= targets; column++) {
    const row = match[column] ?? 0;
    if (row !== 0) result[rows[row - 1] ?? 0] = column - 1;
  }
  return result;
}
