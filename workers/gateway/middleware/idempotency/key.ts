/** The Idempotency-Key request header: 1–255 printable ASCII characters chosen by the client. */
import { z } from "@hono/zod-openapi";
import { ProblemError, fieldIssues } from "../../problem";

export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7e]*$/, "Must be printable ASCII");

export function parseIdempotencyKey(header: string): string {
  const result = IdempotencyKeySchema.safeParse(header);
  if (!result.success) {
    throw new ProblemError("validation-error", "The Idempotency-Key header is invalid", {
      errors: fieldIssues(result.error.issues, "header.idempotency-key"),
    });
  }
  return result.data;
}
