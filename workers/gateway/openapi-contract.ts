/**
 * What the middleware chain adds to every route, written into the OpenAPI document in one place so the document
 * matches the gateway: the Idempotency-Key header and its 409/422 on mutating operations, 413/415 where a body is
 * accepted, 401 on protected operations and 429 everywhere.
 */
import { z } from "@hono/zod-openapi";
import type { App } from "./context";
import { IdempotencyKeySchema } from "./middleware/idempotency/key";
import { isMutating } from "./methods";
import { problemResponses } from "./problem";

type Operation = { security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, unknown> };

const IDEMPOTENCY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Makes the request safe to retry: the first response is stored for 24 h and replayed for the same key.",
  schema: (({ $schema: _, ...schema }) => schema)(z.toJSONSchema(IdempotencyKeySchema)),
};

type OpenAPIObject = ReturnType<App["getOpenAPI31Document"]>;

function addMissing(op: Operation, statuses: number[]): void {
  const missing = statuses.filter((s) => op.responses?.[String(s)] === undefined);
  op.responses = { ...op.responses, ...problemResponses(...missing) };
}

export function withGatewayContract(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (typeof op !== "object" || op === null || !("responses" in op)) continue;
      const statuses = [429];
      if (op.security === undefined || op.security.length > 0) statuses.push(401);
      if (isMutating(method.toUpperCase())) {
        op.parameters = [...(op.parameters ?? []), IDEMPOTENCY_PARAMETER];
        statuses.push(400, 409, 422);
        if (op.requestBody !== undefined) statuses.push(413, 415);
      }
      addMissing(op, statuses);
    }
  }
  return doc;
}
