/**
 * POST /api/v1/aam/drift/{id}/ignore: dismiss a drift that breaks nothing (a new field that may stay in extras).
 * A breaking drift holds records in quarantine, so only a repair resolves it; a repaired one is history.
 */
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { ProblemError, problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { getDriftEvent, setDriftStatus } from "../../../../aam/drift/events";
import { DriftEventSchema, DriftIdParamsSchema, driftEventResponse } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/drift/{id}/ignore",
  tags: ["aam"],
  summary: "Ignore a drift event",
  description:
    "Marks a non-breaking drift event `ignored` (again: no change). A breaking one is resolved by a mapping repair, " +
    "and a repaired one stays repaired: both answer 409. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: { params: DriftIdParamsSchema },
  responses: {
    200: { description: "The event, ignored", content: { "application/json": { schema: DriftEventSchema } } },
    ...problemResponses(401, 403, 404, 409, 429),
  },
});

export const registerIgnoreDrift = (app: App) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const scope = forTenant(database(c.env.DB), callerOf(c).tenantId);
    const event = await getDriftEvent(scope, id);
    if (event === undefined) throw new ProblemError("not-found", `No drift event ${id}`);
    if (event.status === "ignored") return c.json(driftEventResponse(event), 200);
    if (event.breaking) throw new ProblemError("conflict", `Drift event ${id} breaks the mapping: a repair resolves it, not ignoring it`);
    if (event.status === "repaired") throw new ProblemError("conflict", `Drift event ${id} is already repaired`);
    const ignored = await setDriftStatus(scope, id, "ignored");
    if (ignored === undefined) throw new ProblemError("not-found", `No drift event ${id}`);
    return c.json(driftEventResponse(ignored), 200);
  });
