/**
 * File uploads into a FileSource connection: the body is streamed into R2 under the connection's prefix (never
 * buffered), replacing any file of the same name, and an upload run reads it from the start. A replaced file has
 * a new etag, so reading restarts, and the stream's event ids dedupe its unchanged rows. The mapping is resolved
 * before any byte is stored, exactly as normalize will resolve it: a file no mapping would read and no entity was
 * chosen for is refused (422) instead of being accepted only to have every row quarantined. With an entity, a file
 * no mapping reads is accepted: the pipeline drafts its mapping from its columns (zero-config onboarding).
 */
import { z } from "@hono/zod-openapi";
import type { Env } from "../../env";
import { EntityNameSchema } from "../../canonical/names";
import { ProblemError } from "../../gateway/problem";
import type { TenantScope } from "../../platform/db";
import type { ConnectionRow } from "../../platform/db/schema";
import { connectionFilesPrefix } from "../connections/files";
import { uploadMetadata } from "../connectors/filesource/upload-metadata";
import type { MappingRegistry } from "../mapping/registry";
import { pickMapping } from "./pick-mapping";
import { startObjectSync } from "./start-sync";

/** One plain file name: it becomes the R2 key's last segment, so nothing that could climb out of the prefix. */
export const UploadFileNameSchema = z
  .string()
  .min(1, { error: "The file name is required" })
  .max(200, { error: "The file name must be at most 200 characters" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, {
    error: "The file name may contain letters, digits, spaces, '.', '_' and '-', and must start with a letter or digit",
  })
  .refine((name) => !name.includes(".."), { error: "The file name may not contain '..'" })
  .openapi({ example: "customers.csv" });

export const UploadQuerySchema = z.object({
  name: UploadFileNameSchema,
  entity: EntityNameSchema.optional().openapi({
    description:
      "The canonical entity the rows become. Optional when `name` matches a mapping's `files` patterns (e.g. " +
      "`accounts-2025.csv`); given, it picks among the mappings the name matches, or names the entity's one mapping.",
  }),
});
export type UploadQuery = z.infer<typeof UploadQuerySchema>;

export async function uploadFile(
  env: Pick<Env, "FILES" | "SYNC_QUEUE">,
  scope: TenantScope,
  upload: {
    connection: ConnectionRow;
    /** the tenant's mappings: the same ones its records will be normalized with */
    mappings: MappingRegistry;
    query: UploadQuery;
    body: ReadableStream<Uint8Array> | null;
    /** the declared Content-Length (the body guard requires it on this route) */
    length: number;
    contentType: string;
    traceId: string;
  },
): Promise<string> {
  const { connection, query } = upload;
  if (connection.system !== "filesource") {
    throw new ProblemError("validation-error", `Connection ${connection.id} is a ${connection.system} connection`, {
      errors: [{ path: "path.id", message: "Only filesource connections take file uploads", code: "custom" }],
    });
  }
  refuseUnmappable(upload.mappings, query);
  const key = connectionFilesPrefix(scope.tenantId, connection.id) + query.name;
  // R2 takes a stream only with its length known up front; FixedLengthStream states it and holds the body to it.
  const body = upload.body === null ? "" : upload.body.pipeThrough(new FixedLengthStream(upload.length));
  await env.FILES.put(key, body, {
    httpMetadata: { contentType: upload.contentType },
    customMetadata: uploadMetadata(query.entity),
  });
  return startObjectSync(env, scope, {
    connection,
    kind: "upload",
    object: query.name,
    cursor: null,
    entity: query.entity,
    traceId: upload.traceId,
  });
}

function refuseUnmappable(mappings: MappingRegistry, query: UploadQuery): void {
  const picked = pickMapping(mappings, { system: "filesource", object: query.name, entity: query.entity });
  // with an entity chosen, a file no mapping reads gets one drafted in the pipeline
  if (typeof picked !== "string" || query.entity !== undefined) return;
  const patterns = mappings
    .all()
    .flatMap((m) => (m.system === "filesource" ? (m.document.files ?? []).map((p) => p.text) : []))
    .join(", ");
  const byName = patterns === "" ? "" : `name the file to match one mapping's files (${patterns})`;
  const message = `Pass entity (${EntityNameSchema.options.join(", ")}) to have a mapping drafted from its columns${byName === "" ? "" : `, or ${byName}`}`;
  throw new ProblemError("unmappable-file", `No mapping reads "${query.name}": ${picked}`, {
    errors: [{ path: "query.entity", message, code: "custom" }],
  });
}
