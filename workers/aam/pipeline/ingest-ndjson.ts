/**
 * NDJSON push deliveries (`Content-Type: application/x-ndjson`): one JSON object per line, `object` and `entity`
 * as query parameters. Lines are parsed by the FileSource's NDJSON reader, so a bad line is a reject with its line
 * number (quarantined like any unparseable row) rather than a 400 for the whole delivery; blank lines are skipped.
 * The record limit is the JSON body's, counted over every non-blank line.
 */
import { z } from "@hono/zod-openapi";
import { EntityNameSchema } from "../../canonical/names";
import { ProblemError } from "../../gateway/problem";
import type { RejectedRow } from "../connectors/connector";
import { ndjsonRows } from "../connectors/filesource/ndjson-rows";
import { IngestBodySchema, type IngestDelivery, MAX_INGEST_RECORDS } from "./ingest";

export const INGEST_NDJSON = "application/x-ndjson";

export const IngestQuerySchema = z.object({
  object: IngestBodySchema.shape.object.optional().openapi({
    description: "NDJSON bodies only (required there): the source object the lines are records of",
  }),
  entity: EntityNameSchema.optional().openapi({ description: "NDJSON bodies only: the canonical entity the records map to" }),
});
export type IngestQuery = z.infer<typeof IngestQuerySchema>;

const refused = (path: string, code: string, message: string) =>
  new ProblemError("validation-error", message, { errors: [{ path, message, code }] });

export async function ndjsonDelivery(body: string, query: IngestQuery): Promise<IngestDelivery> {
  if (query.object === undefined) {
    throw refused("query.object", "invalid_type", "An NDJSON delivery names its object in the query: ?object=…");
  }
  const rows: IngestDelivery["rows"] = [];
  const rejects: RejectedRow[] = [];
  for await (const row of ndjsonRows(new Blob([body]).stream(), { offset: 0, line: 0 })) {
    if (row.kind === "record") rows.push({ line: row.line, data: row.data });
    else if (row.kind === "reject") rejects.push({ line: row.line, reason: row.reason, raw: row.raw });
    if (rows.length + rejects.length > MAX_INGEST_RECORDS) {
      throw refused("body", "too_big", `Send at most ${MAX_INGEST_RECORDS} records per delivery`);
    }
  }
  if (rows.length + rejects.length === 0) throw refused("body", "too_small", "Send at least one record");
  return { object: query.object, entity: query.entity, rows, rejects };
}

/** A JSON body carries object and entity itself; the same in the query would be ignored, so it is refused. */
export function refuseQueryForJson(query: IngestQuery): void {
  const given = (["object", "entity"] as const).filter((key) => query[key] !== undefined);
  if (given.length === 0) return;
  throw new ProblemError("validation-error", "A JSON delivery carries object and entity in its body", {
    errors: given.map((key) => ({ path: `query.${key}`, message: `Put ${key} in the JSON body (the query form is for NDJSON)`, code: "custom" })),
  });
}
