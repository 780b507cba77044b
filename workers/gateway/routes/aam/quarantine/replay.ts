/** POST /api/v1/aam/quarantine/replay: re-run open quarantined records through the current mappings. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { REPLAY_LIMIT, replayQuarantine } from "../../../../aam/pipeline/replay";
import { tenantMappings } from "../../../../aam/pipeline/tenant-mappings";

export const ReplayRequestSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(REPLAY_LIMIT).optional().openapi({ description: "Quarantined records by id" }),
    connection_id: z.string().min(1).optional().openapi({ description: "Every open record of this connection" }),
    object: z.string().min(1).optional().openapi({ description: "Only records of this source object" }),
  })
  .refine((body) => body.ids !== undefined || body.connection_id !== undefined, { error: "Select records by ids or connection_id" })
  .openapi("ReplayQuarantineRequest");

export const ReplayResultSchema = z
  .object({
    run_id: z.string().openapi({ description: "The replay's run (kind `replay`), with its counts" }),
    replayed: z.number().int().openapi({ description: "Records now in the stream (new events or duplicates of existing ones)" }),
    still_failing: z.number().int().openapi({ description: "Records left open, with the current mapping's reason" }),
  })
  .openapi("ReplayQuarantineResult");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/quarantine/replay",
  tags: ["aam"],
  summary: "Replay quarantined records",
  description:
    `Maps the selected open records (at most ${REPLAY_LIMIT} per call, oldest first) with the current mappings: ` +
    "those that now map go into the canonical stream and are marked `replayed`; the rest stay open with the new " +
    "reason. The selection must come from one connection. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: ReplayRequestSchema } } } },
  responses: {
    200: { description: "What the replay did", content: { "application/json": { schema: ReplayResultSchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const registerReplayQuarantine = (app: App) =>
  app.openapi(route, async (c) => {
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const result = await replayQuarantine(c.env, scope, await tenantMappings(scope), c.req.valid("json"), c.get("trace").traceId);
    return c.json(result, 200);
  });
