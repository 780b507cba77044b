/**
 * The audit log's data: what the gateway records about a mutating request (AuditEntry), the chained row the tenant's
 * log stores (AuditRecord), and the list/verify shapes the API returns. Every type here is inferred from these schemas.
 */
import { z } from "@hono/zod-openapi";
import { CANONICAL_FORM } from "./chain";
import { decodeCursor } from "./cursor";

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex SHA-256 digest");

export const AuditEntrySchema = z.object({
  tenant_id: z.string().min(1),
  occurred_at: z.iso.datetime().openapi({ description: "When the request completed (UTC)", example: "2026-11-20T09:14:03.512Z" }),
  actor_type: z.enum(["user", "api_key", "system"]).openapi({ description: "`system`: the platform acting on its own (an automatic mapping repair)" }),
  actor_id: z.string().min(1).openapi({ description: "The user id or API key id", example: "usr_3f2a9c1d7e8b4a5f6c0d1e2f" }),
  method: z.string().min(1).openapi({ example: "POST" }),
  route: z
    .string()
    .nullable()
    .openapi({ description: "The matched route pattern; null when no route matched", example: "/api/v1/auth/api-keys/:id" }),
  resource: z.string().min(1).openapi({ description: "The concrete request path", example: "/api/v1/auth/api-keys/key_123" }),
  status: z.number().int().min(100).max(599).openapi({ description: "The response's final status, errors included" }),
  trace_id: z.string().regex(/^[0-9a-f]{32}$/),
  body_hash: Sha256HexSchema.nullable().openapi({
    description:
      "SHA-256 (hex) of the request body as received; null when the body was itself the credential (sign-up, sign-in, " +
      "refresh), since a fast hash of a password could be brute-forced by anyone able to read the log",
  }),
});

export const AuditRecordSchema = AuditEntrySchema.extend({
  seq: z.number().int().positive().openapi({ description: "Position in the tenant's chain: 1, 2, 3, …" }),
  prev_hash: Sha256HexSchema.openapi({ description: "The previous record's hash; 64 zeros for seq 1" }),
  hash: Sha256HexSchema.openapi({
    description: `SHA-256 (hex) of ${CANONICAL_FORM}, so anyone can re-check the chain`,
  }),
}).openapi("AuditRecord");

/** `cursor` arrives opaque and leaves this schema as the seq to continue below. */
const CursorSchema = z.string().transform((cursor, ctx) => {
  const seq = decodeCursor(cursor);
  if (seq === undefined) {
    ctx.addIssue({ code: "custom", message: "Not a cursor returned by this API" });
    return z.NEVER;
  }
  return seq;
});

export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional().openapi({ description: "`next_cursor` of the previous page" }),
  actor_id: z.string().min(1).optional(),
  method: z.string().min(1).optional().openapi({ description: "Upper-case HTTP method", example: "DELETE" }),
  status: z.coerce.number().int().min(100).max(599).optional(),
});

export const AuditPageSchema = z
  .object({
    items: z.array(AuditRecordSchema).openapi({ description: "Newest first" }),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for older records; null on the last page" }),
  })
  .openapi("AuditPage");

export const ChainHeadSchema = z
  .object({ seq: z.number().int().nonnegative(), hash: Sha256HexSchema })
  .openapi("AuditChainHead", { description: "The last appended record as the log recorded it; seq 0 and 64 zeros when empty" });

export const AuditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checked: z.number().int().nonnegative().openapi({ description: "Records verified before the first failure (all, when valid)" }),
    head: ChainHeadSchema,
    first_invalid_seq: z.number().int().positive().optional(),
    reason: z.string().optional(),
  })
  .openapi("AuditVerification");

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type ChainHead = z.infer<typeof ChainHeadSchema>;
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
