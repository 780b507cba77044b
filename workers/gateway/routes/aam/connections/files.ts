/** POST /api/v1/aam/connections/{id}/files: uploads a CSV or NDJSON file into a FileSource connection and syncs it. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemSchema, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getConnection } from "../../../../aam/connections/registry";
import { tenantMappings } from "../../../../aam/pipeline/tenant-mappings";
import { UploadQuerySchema, uploadFile } from "../../../../aam/pipeline/upload";
import { ConnectionIdParamsSchema } from "./schemas";

export const UploadAcceptedSchema = z
  .object({
    run_id: z.string().openapi({ example: "run_9f8e7d6c5b4a39281706f5e4" }),
    connection_id: z.string(),
    object: z.string().openapi({ description: "The file name: the source object the run reads", example: "customers.csv" }),
    status: z.literal("queued"),
  })
  .openapi("UploadAccepted");

const fileBody = { schema: z.string().openapi({ format: "binary" }) };

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/connections/{id}/files",
  tags: ["aam"],
  summary: "Upload a file",
  description:
    "Streams the body (CSV, TSV or NDJSON; up to 100 MiB, with a Content-Length) into the FileSource connection's " +
    "storage as `name`, replacing a file of that name, and starts an upload run that maps its rows. The mapping is " +
    "the one whose `files` patterns match `name` (e.g. `accounts*.csv`), narrowed to `entity` if given; else the " +
    "one filesource mapping that produces `entity`. A file no mapping would read is refused with 422 before " +
    "anything is stored. Follow the run at GET /api/v1/aam/runs/{run_id}. Re-uploading unchanged rows adds no " +
    "duplicate events. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: {
    params: ConnectionIdParamsSchema,
    query: UploadQuerySchema,
    body: {
      required: true,
      content: {
        "text/csv": fileBody,
        "text/tab-separated-values": fileBody,
        "application/x-ndjson": fileBody,
        "application/octet-stream": fileBody,
      },
    },
  },
  responses: {
    202: { description: "Stored; the run is queued", content: { "application/json": { schema: UploadAcceptedSchema } } },
    ...problemResponses(400, 401, 403, 404, 411, 413, 415, 429),
    422: {
      description: "No mapping reads this file (pass `entity` or name the file after a mapping), or the Idempotency-Key was reused",
      content: { "application/problem+json": { schema: ProblemSchema } },
    },
  },
});

export const registerUploadFile = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const connection = await getConnection(scope, c.req.valid("param").id);
    const query = c.req.valid("query");
    const runId = await uploadFile(c.env, scope, {
      connection,
      mappings: await tenantMappings(scope),
      query,
      body: c.req.raw.body,
      length: Number(c.req.header("content-length")),
      contentType: c.req.header("content-type") ?? "application/octet-stream",
      traceId: c.get("trace").traceId,
    });
    return c.json({ run_id: runId, connection_id: connection.id, object: query.name, status: "queued" as const }, 202);
  });
