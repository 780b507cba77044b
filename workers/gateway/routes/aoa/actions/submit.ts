/** POST /api/v1/aoa/actions: propose an action (idempotent by `idempotency_key`), or plan it only (`dry_run`). */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { callerOf, requireScope } from "../../../middleware/auth/require";
import { database, forTenant } from "../../../../platform/db";
import { submitAction } from "../../../../aoa/actions/submit";
import { ActionPlanSchema, ActionRequestSchema, ActionSchema } from "../../../../aoa/actions/types";

export const SubmitActionRequestSchema = ActionRequestSchema.and(
  z.object({
    dry_run: z.boolean().default(false).openapi({ description: "Only plan: nothing is stored, executed or written" }),
    finding_id: z.string().min(1).nullable().default(null).openapi({ description: "The agent finding that led to it" }),
  }),
).openapi("SubmitActionRequest");

export const DryRunSchema = z
  .object({ dry_run: z.literal(true), plan: ActionPlanSchema })
  .openapi("ActionDryRun", { description: "What executing would do (for record actions, the exact source writes)" });

const route = createRoute({
  method: "post",
  path: "/api/v1/aoa/actions",
  tags: ["aoa"],
  summary: "Propose an action",
  description:
    "Validates and plans the action (for record actions, the write-back through the source's mapping: 422 per " +
    "field when a field cannot be written, 404 when the record does not exist). With `dry_run` the plan is " +
    "returned and nothing is stored or written. Otherwise the action is stored and, by the tenant's policy for its " +
    "type, executed at once (`auto`) or held for approval (`approval`, status `pending_approval`). Submitting an " +
    "`idempotency_key` again returns the first action (200, `Idempotent-Replayed: true`) without acting again; the " +
    "same key with a different request is a 409. Requires the `actions:write` scope.",
  middleware: [requireScope("actions:write")] as const,
  request: { body: { required: true, content: { "application/json": { schema: SubmitActionRequestSchema } } } },
  responses: {
    201: { description: "The stored action: executed (succeeded or failed) or held", content: { "application/json": { schema: ActionSchema } } },
    200: {
      description: "The action already stored under this idempotency_key, or the plan of a dry run",
      content: { "application/json": { schema: z.union([ActionSchema, DryRunSchema]) } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 422, 429),
  },
});

export const registerSubmitAction = (app: App) =>
  app.openapi(route, async (c) => {
    const caller = callerOf(c);
    const { dry_run, finding_id, ...request } = c.req.valid("json");
    const scope = forTenant(database(c.env.DB), caller.tenantId);
    const actor = { type: caller.kind, id: caller.actorId };
    const submitted = await submitAction(c.env, scope, request, actor, { dryRun: dry_run, traceId: c.get("trace").traceId, findingId: finding_id });
    if (submitted.dry_run) return c.json({ dry_run: true as const, plan: submitted.plan }, 200);
    if (submitted.replayed) return c.json(submitted.action, 200, { "Idempotent-Replayed": "true" });
    return c.json(submitted.action, 201);
  });
