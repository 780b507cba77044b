/** POST /api/v1/aoa/findings/{id}/dismiss: set an open finding aside; later runs keep it dismissed. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { FindingSchema, findingOf } from "../../../../aoa/runs/finding";
import { dismissFinding } from "../../../../aoa/runs/findings-store";

export const FindingIdParamsSchema = z.object({
  id: z.string().min(1).openapi({ param: { name: "id", in: "path" }, example: "fnd_5d41402abc4b2a76b9719d91" }),
});

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/findings/{id}/dismiss",
  tags: ["aoa"],
  summary: "Dismiss a finding",
  description:
    "Marks an open finding `dismissed`: runs that find it again update it but leave it dismissed. 409 when the " +
    "finding is not open (already dismissed, or resolved). Requires the `agents:run` scope.",
  middleware: [requireScope("agents:run")] as const,
  request: { params: FindingIdParamsSchema },
  responses: {
    200: { description: "The dismissed finding", content: { "application/json": { schema: FindingSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerDismissFinding = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    return c.json(findingOf(await dismissFinding(scope, c.req.valid("param").id)), 200);
  });
