/** POST /api/v1/aam/match: ranks the canonical targets of an entity for each source field sent. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { matcherFor } from "../../../../aam/matching/for-env";
import { MatchRequestSchema, MatchResponseSchema } from "../../../../aam/matching/ports";

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/match",
  tags: ["aam"],
  summary: "Match source fields to canonical fields",
  description:
    "For each source field (name, and optionally its label, type and sample values) the canonical field of " +
    "`entity` it most likely holds, or `target: null` to keep it in `extras`, with a calibrated `confidence`, " +
    "`auto_apply` when that clears the tenant's threshold (GET /api/v1/aam/settings), and up to five " +
    "`alternatives`. Targets are assigned one-to-one across the fields sent, and the tenant's accepted and " +
    "rejected repairs (for `system`, and less so for other systems) weigh in. `field` is each name as sent, in " +
    "order; names must be unique. Stores nothing. A body that does not fit the schema, or repeats a field name, " +
    "is 400 with one `errors` entry per problem. Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  request: { body: { required: true, content: { "application/json": { schema: MatchRequestSchema } } } },
  responses: {
    200: { description: "One match per field, in the order sent", content: { "application/json": { schema: MatchResponseSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

export const registerMatchFields = (app: App) =>
  app.openapi(
    route,
    async (c) => {
      const request = c.req.valid("json");
      const { matcher } = await matcherFor(c.env, forTenant(database(c.env.DB), callerOf(c).tenantId), c.get("log"));
      return c.json(await matcher(request), 200);
    },
  );
