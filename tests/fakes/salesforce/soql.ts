/**
 * The SOQL subset the connector sends, parsed strictly: `SELECT f1, f2 FROM Object [WHERE SystemModstamp >= <datetime>]
 * ORDER BY SystemModstamp, Id`. Anything else is MALFORMED_QUERY; an unknown object INVALID_TYPE and an unknown
 * column INVALID_FIELD, as the real query endpoint answers.
 */
export type SoqlResult =
  | { ok: true; fields: string[]; object: string; since: Date | null }
  | { ok: false; errorCode: "MALFORMED_QUERY" | "INVALID_TYPE" | "INVALID_FIELD"; vars: Record<string, string> };

const SHAPE =
  /^SELECT\s+(?<fields>[A-Za-z0-9_,\s]+?)\s+FROM\s+(?<object>[A-Za-z0-9_]+)(?:\s+WHERE\s+SystemModstamp\s*>=\s*(?<since>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z))?\s+ORDER\s+BY\s+SystemModstamp\s*,\s*Id$/i;

export function parseSoql(soql: string, columnsOf: (object: string) => Set<string> | undefined): SoqlResult {
  const match = SHAPE.exec(soql.trim());
  if (match?.groups === undefined) {
    const token = soql.trim().split(/\s+/).find((word, i) => i > 0 && /[^A-Za-z0-9_.,:>=-]/.test(word)) ?? soql.trim().split(/\s+/).at(-1) ?? "";
    return { ok: false, errorCode: "MALFORMED_QUERY", vars: { token } };
  }
  const object = match.groups.object as string;
  const columns = columnsOf(object);
  if (columns === undefined) return { ok: false, errorCode: "INVALID_TYPE", vars: { object } };
  const fields = (match.groups.fields as string).split(",").map((field) => field.trim());
  const unknown = fields.find((field) => !columns.has(field));
  if (unknown !== undefined) return { ok: false, errorCode: "INVALID_FIELD", vars: { field: unknown, object, soql } };
  const since = match.groups.since === undefined ? null : new Date(match.groups.since);
  return { ok: true, fields, object, since };
}
