/** POST /api/v1/aam/ingest/{connection_id}: records pushed by a source (webhooks), authenticated by signature. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { ingestConnectionOf, ingestSignature } from "../../../middleware/ingest-signature";
import { database, forTenant } from "../../../../platform/db";
import { type IngestBody, IngestBodySchema, type IngestDelivery, MAX_INGEST_RECORDS, ingestRecords, jsonDelivery } from "../../../../aam/pipeline/ingest";
import { INGEST_NDJSON, IngestQuerySchema, ndjsonDelivery, refuseQueryForJson } from "../../../../aam/pipeline/ingest-ndjson";
import { SIGNATURE_HEADER } from "../../../../aam/pipeline/ingest-signature";

export const IngestAcceptedSchema = z
  .object({
    run_id: z.string().openapi({ example: "run_9f8e7d6c5b4a39281706f5e4" }),
    records: z.number().int().openapi({ description: "Records accepted for normalization" }),
    rejected: z.number().int().openapi({ description: "Records without an id, and NDJSON lines that are not JSON objects: quarantined" }),
  })
  .openapi("IngestAccepted");

const NO_BODY = { path: "body", message: "A body is required", code: "invalid_type" };

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/ingest/{connection_id}",
  tags: ["aam"],
  summary: "Push records (webhook ingest)",
  description:
    "Public: no bearer token. The request is signed with the connection's `ingest_signing_secret` (set it with " +
    `PATCH /api/v1/aam/connections/{id} \`{"secrets": {"ingest_signing_secret": "…"}}\`): \`${SIGNATURE_HEADER}: ` +
    't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp must be within 5 minutes and each ' +
    "signature is accepted once. An unknown connection is indistinguishable from a bad signature (401). Record ids " +
    "come from the connection's `id_column` (default `id`). Rate limited per client address.\n\n" +
    "Two body shapes (a body is required): `application/json` `{object, entity?, records: [...]}`, or " +
    "`application/x-ndjson` with one JSON object per line and `?object=…&entity=…` in the query. Up to " +
    `${MAX_INGEST_RECORDS} records either way. A record without an id, or an NDJSON line that is not a JSON object, ` +
    "is quarantined with its position (the line number for NDJSON; blank lines are skipped); the rest of the " +
    "delivery is accepted. The signature covers the raw body bytes, whatever its type.",
  middleware: [ingestSignature()] as const,
  request: {
    params: z.object({ connection_id: z.string().openapi({ param: { name: "connection_id", in: "path" } }) }),
    headers: z.object({ [SIGNATURE_HEADER]: z.string().openapi({ example: "t=1795660000,v1=5257a869e7…" }) }),
    query: IngestQuerySchema,
    // Not `required` only because the validator would then demand a JSON body of NDJSON too; the handler requires one.
    body: {
      required: false,
      content: {
        "application/json": { schema: IngestBodySchema },
        // Documentation only: the request validator runs for JSON media types; NDJSON lines are parsed by the handler.
        [INGEST_NDJSON]: { schema: z.string().openapi({ description: "One JSON object per line (UTF-8, LF or CRLF)" }) },
      },
    },
  },
  responses: {
    202: { description: "Queued for normalization", content: { "application/json": { schema: IngestAcceptedSchema } } },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

export const registerPushIngest = (app: App) =>
  app.openapi(route, async (c) => {
    const connection = ingestConnectionOf(c);
    const query = c.req.valid("query");
    // The body guard let only JSON and NDJSON through; no media type means no body at all.
    const media = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (media === "") throw new ProblemError("validation-error", "Send the records as a JSON or NDJSON body", { errors: [NO_BODY] });
    let delivery: IngestDelivery;
    if (media === INGEST_NDJSON) delivery = await ndjsonDelivery(await c.req.text(), query);
    else {
      refuseQueryForJson(query);
      // Typed as either media type's schema, but only a JSON body reaches here, validated against IngestBodySchema.
      delivery = jsonDelivery(c.req.valid("json") as IngestBody);
    }
    const scope = forTenant(database(c.env.DB), connection.tenantId);
    const ingested = await ingestRecords(c.env, scope, { connection, delivery, traceId: c.get("trace").traceId });
    return c.json({ run_id: ingested.runId, records: ingested.records, rejected: ingested.rejected }, 202);
  });
