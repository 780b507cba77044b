/**
 * Push ingest: records a source sent us (a webhook) go straight into one ingest run and its raw batches, with no
 * sync job in between. A delivery is a JSON body (`{object, entity?, records: […]}`) or NDJSON (ingest-ndjson.ts);
 * either way it becomes an IngestDelivery of numbered rows. Each record's id is its `id_column` field (from the
 * connection's config, else `id`); a record without a usable id is quarantined as a reject with its position in
 * the delivery (its line, for NDJSON), never dropped.
 */
import { z } from "@hono/zod-openapi";
import type { Env } from "../../env";
import { type EntityName, EntityNameSchema } from "../../canonical/names";
import type { TenantScope } from "../../platform/db";
import type { ConnectionRow } from "../../platform/db/schema";
import type { RawRecord, RejectedRow } from "../connectors/connector";
import { sendRawBatches } from "./raw-batches";
import { createRun, recordReadingDone } from "./runs";

export const MAX_INGEST_RECORDS = 1000;
const DEFAULT_ID_FIELD = "id";

export const IngestBodySchema = z
  .object({
    object: z.string().min(1).max(200).openapi({ example: "Account" }),
    entity: EntityNameSchema.optional(),
    records: z
      .array(z.record(z.string(), z.unknown()))
      .min(1, { error: "Send at least one record" })
      .max(MAX_INGEST_RECORDS, { error: `Send at most ${MAX_INGEST_RECORDS} records per delivery` }),
  })
  .openapi("IngestRequest");
export type IngestBody = z.infer<typeof IngestBodySchema>;

/** One delivery, whichever body shape it came in: rows numbered by position (JSON) or line (NDJSON). */
export interface IngestDelivery {
  object: string;
  entity: EntityName | undefined;
  rows: { line: number; data: Record<string, unknown> }[];
  /** lines that were not JSON objects (NDJSON only) */
  rejects: RejectedRow[];
}

export function jsonDelivery(body: IngestBody): IngestDelivery {
  return { object: body.object, entity: body.entity, rows: body.records.map((data, index) => ({ line: index + 1, data })), rejects: [] };
}

export async function ingestRecords(
  env: Pick<Env, "RAW_QUEUE">,
  scope: TenantScope,
  ingest: { connection: ConnectionRow; delivery: IngestDelivery; traceId: string },
): Promise<{ runId: string; records: number; rejected: number }> {
  const { connection, delivery } = ingest;
  const runId = await createRun(scope, { connectionId: connection.id, kind: "ingest", object: delivery.object, traceId: ingest.traceId });
  const idField = typeof connection.config.id_column === "string" ? connection.config.id_column : DEFAULT_ID_FIELD;
  const records: RawRecord[] = [];
  const rejects: RejectedRow[] = [...delivery.rejects];
  for (const { line, data } of delivery.rows) {
    const id = data[idField];
    const recordId = typeof id === "number" ? String(id) : typeof id === "string" ? id.trim() : "";
    if (recordId === "") {
      rejects.push({ line, reason: `record has no "${idField}" (a non-empty string or number)`, raw: JSON.stringify(data).slice(0, 2000) });
    } else {
      records.push({ record_id: recordId, data, cursor: `${runId}#${line}`, line });
    }
  }
  rejects.sort((a, b) => a.line - b.line);
  const envelope = {
    tenant_id: scope.tenantId,
    connection_id: connection.id,
    run_id: runId,
    trace_id: ingest.traceId,
    system: connection.system,
    object: delivery.object,
    entity: delivery.entity,
  };
  await sendRawBatches(env, scope, envelope, "ingest", { records, rejects });
  await recordReadingDone(scope, runId);
  return { runId, records: records.length, rejected: rejects.length };
}
