/**
 * The incremental SOQL: the chosen fields plus Id, IsDeleted and SystemModstamp, from the watermark minus the
 * lookback, ordered by `SystemModstamp, Id` so a page boundary never splits the order. Names are checked against
 * Salesforce's identifier rules before they are spliced in: SOQL has no bind parameters over REST.
 */
import { SalesforceError } from "./errors";

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const ALWAYS = ["Id", "IsDeleted", "SystemModstamp"];

export function assertIdentifier(name: string, what: "object" | "field"): string {
  if (!IDENTIFIER.test(name)) throw new SalesforceError("malformed-query", "INVALID_IDENTIFIER", `"${name}" is not a Salesforce ${what} name`, 0);
  return name;
}

/** SOQL datetime literals are unquoted ISO 8601 in UTC. */
const soqlDatetime = (ms: number) => new Date(ms).toISOString();

export function incrementalSoql(input: { object: string; fields: string[]; watermark: string | null; lookbackSeconds: number }): string {
  const object = assertIdentifier(input.object, "object");
  const fields = [...new Set([...ALWAYS, ...input.fields.map((field) => assertIdentifier(field, "field"))])];
  const where = input.watermark === null ? "" : ` WHERE SystemModstamp >= ${soqlDatetime(Date.parse(input.watermark) - input.lookbackSeconds * 1000)}`;
  return `SELECT ${fields.join(", ")} FROM ${object}${where} ORDER BY SystemModstamp, Id`;
}
