/** PUT /api/v1/aam/settings: sets the tenant's auto-apply threshold. */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { AamSettingsSchema, AamSettingsUpdateSchema, settingsResponse } from "./schemas";

const route = createRoute({
  method: "put",
  path: "/api/v1/aam/settings",
  tags: ["aam"],
  summary: "Set the AAM settings",
  description:
    "`auto_apply_threshold` between 0.5 and 1, or null to use the default: matches at or above it are marked " +
    "`auto_apply`, and drift repairs and drafted mappings at or above it apply without review from then on. A " +
    "value out of range is 400. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: AamSettingsUpdateSchema } } } },
  responses: {
    200: { description: "The settings now in effect", content: { "application/json": { schema: AamSettingsSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

export const registerPutAamSettings = (app: App) =>
  app.openapi(
    route,
    async (c) => {
      const { auto_apply_threshold } = c.req.valid("json");
      const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
      await scope.updateTenant({ autoApplyThreshold: auto_apply_threshold });
      return c.json(settingsResponse(await scope.tenant()), 200);
    },
  );
