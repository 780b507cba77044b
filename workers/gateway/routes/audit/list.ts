/** GET /api/v1/audit: the caller's own tenant's audit log, newest first, a page at a time. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { callerOf, requireScope } from "../../middleware/auth/require";
import { AuditPageSchema, AuditQuerySchema } from "../../../audit/schema";
import { tenantGate } from "../../../../durable-objects/tenant-gate";

const route = createRoute({
  method: "get",
  path: "/api/v1/audit",
  tags: ["audit"],
  summary: "List the tenant's audit records (newest first)",
  description:
    "Every mutating request by a known caller, with its final status. Follow `next_cursor` for older records; " +
    "filters combine with AND. Requires the `audit:read` scope.",
  middleware: [requireScope("audit:read")] as const,
  request: { query: AuditQuerySchema },
  responses: {
    200: { description: "One page of records", content: { "application/json": { schema: AuditPageSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

export const registerAuditList = (app: App) =>
  app.openapi(route, async (c) => {
    // The log is chosen by the credential's tenant; nothing in the request can point at another tenant's.
    const page = await tenantGate(c.env, callerOf(c).tenantId).listAudit(c.req.valid("query"));
    return c.json(page, 200);
  });
