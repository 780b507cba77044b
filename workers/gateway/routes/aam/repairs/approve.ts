/** POST /api/v1/aam/repairs/{id}/approve: apply a pending repair as a new mapping version and replay the quarantine. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { applyRepair } from "../../../../aam/repair/apply";
import { ChangeOverrideSchema } from "../../../../aam/repair/overrides";
import { requireRepair } from "../../../../aam/repair/store";
import { RepairIdParamsSchema, RepairSchema, RepairVersionSchema, repairResponse, repairVersionResponse } from "./schemas";

export const ApproveRepairRequestSchema = z
  .object({ overrides: z.array(ChangeOverrideSchema).max(500).default([]) })
  .openapi("ApproveRepairRequest");

export const ApprovedRepairSchema = z
  .object({
    repair: RepairSchema,
    version: RepairVersionSchema,
    replay: z
      .object({
        run_ids: z.array(z.string()).openapi({ description: "The replay runs (kind `replay`), with their counts" }),
        replayed: z.number().int().openapi({ description: "Quarantined records of the object now in the stream" }),
        still_failing: z.number().int().openapi({ description: "Records still held, with the new mapping's reason" }),
      })
      .openapi("RepairReplay"),
  })
  .openapi("ApprovedRepair");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/repairs/{id}/approve",
  tags: ["aam"],
  summary: "Approve a mapping repair",
  description:
    "Applies a pending repair: the mapping in effect with its changes (or, for a new object, the drafted mapping) " +
    "becomes a new tenant mapping version, then the object's quarantined records are replayed through it. 409 " +
    "when the repair is not pending; 422 when the changes do not make a valid mapping (e.g. a required field left " +
    "without a source). An optional body corrects individual changes (another target or source path); the " +
    "matcher remembers the corrected matches as wrong. Requires the `aam:write` scope.",
  middleware: [requireScope("aam:write")] as const,
  request: {
    params: RepairIdParamsSchema,
    body: { required: false, content: { "application/json": { schema: ApproveRepairRequestSchema } } },
  },
  responses: {
    200: { description: "The applied repair, its mapping version and the replay", content: { "application/json": { schema: ApprovedRepairSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422, 429),
  },
});

export const registerApproveRepair = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const repair = await requireRepair(scope, c.req.valid("param").id);
    // without a body the validator passes {} through, so the default does not apply
    const overrides = c.req.valid("json").overrides ?? [];
    const applied = await applyRepair(c.env, scope, repair, caller.actorId, { traceId: c.get("trace").traceId, overrides });
    return c.json({ repair: repairResponse(applied.repair), version: repairVersionResponse(applied.version), replay: applied.replay }, 200);
  });
