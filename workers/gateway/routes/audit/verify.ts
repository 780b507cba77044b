/** GET /api/v1/audit/verify: re-hashes the caller's tenant's audit chain and reports the first record that fails. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { callerOf, requireScope } from "../../middleware/auth/require";
import { AuditVerificationSchema } from "../../../audit/schema";
import { tenantGate } from "../../../../durable-objects/tenant-gate";

const route = createRoute({
  method: "get",
  path: "/api/v1/audit/verify",
  tags: ["audit"],
  summary: "Verify the tenant's audit chain",
  description:
    "Walks the chain from genesis to the recorded head. `valid: false` names the first record that does not hold " +
    "(edited, missing, reordered, or a truncated tail) in `first_invalid_seq` and `reason`. Requires the `audit:read` scope.",
  middleware: [requireScope("audit:read")] as const,
  responses: {
    200: { description: "The verification result", content: { "application/json": { schema: AuditVerificationSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerAuditVerify = (app: App) =>
  app.openapi(route, async (c) => c.json(await tenantGate(c.env, callerOf(c).tenantId).verifyAudit(), 200));
