/** POST /api/v1/aam/ingest/{connection_id}: records pushed by a source (webhooks), authenticated by signature. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { ingestConnectionOf, ingestSignature } from "../../../middleware/ingest-signature";
import { database, forTenant } from "../../../../platform/db";
import { IngestBodySchema, ingestRecords } from "../../../../aam/pipeline/ingest";
import { SIGNATURE_HEADER } from "../../../../aam/pipeline/ingest-signature";

export const IngestAcceptedSchema = z
  .object({
    run_id: z.string().openapi({ example: "run_9f8e7d6c5b4a39281706f5e4" }),
    records: z.number().int().openapi({ description: "Records accepted for normalization" }),
    rejected: z.number().int().openapi({ description: "Records without an id, quarantined" }),
  })
  .openapi("IngestAccepted");

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
    "come from the connection's `id_column` (default `id`). Rate limited per client address.",
  middleware: [ingestSignature()] as const,
  request: {
    params: z.object({ connection_id: z.string().openapi({ param: { name: "connection_id", in: "path" } }) }),
    headers: z.object({ [SIGNATURE_HEADER]: z.string().openapi({ example: "t=1795660000,v1=5257a869e7…" }) }),
    body: { required: true, content: { "application/json": { schema: IngestBodySchema } } },
  },
  responses: {
    202: { description: "Queued for normalization", content: { "application/json": { schema: IngestAcceptedSchema } } },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

export const registerPushIngest = (app: App) =>
  app.openapi(route, async (c) => {
    const connection = ingestConnectionOf(c);
    const body = c.req.valid("json");
    const scope = forTenant(database(c.env.DB), connection.tenantId);
    const ingested = await ingestRecords(c.env, scope, { connection, body, traceId: c.get("trace").traceId });
    return c.json({ run_id: ingested.runId, records: ingested.records, rejected: ingested.rejected }, 202);
  });
