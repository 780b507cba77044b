/** GET /api/v1/aam/settings: the tenant's AAM settings (the auto-apply threshold). */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { AamSettingsSchema, settingsResponse } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/aam/settings",
  tags: ["aam"],
  summary: "Get the AAM settings",
  description:
    "The tenant's auto-apply threshold (null when it uses the default), the threshold in effect and the default. " +
    "Requires the `aam:read` scope.",
  middleware: [requireScope("aam:read")] as const,
  responses: {
    200: { description: "The settings", content: { "application/json": { schema: AamSettingsSchema } } },
    ...problemResponses(401, 403, 429),
  },
});

export const registerGetAamSettings = (app: App) =>
  app.openapi(route, async (c) => c.json(settingsResponse(await forTenant(database(c.env.DB), callerOf(c).tenantId).tenant()), 200));
