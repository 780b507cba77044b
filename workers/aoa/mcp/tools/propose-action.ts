/**
 * `propose_action`: the Write API (POST /api/v1/aoa/actions) as a tool. It always proposes: whether the action runs
 * now or waits for a person's approval is the tenant's policy for its type, and the answer says which.
 */
import { z } from "@hono/zod-openapi";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ActionRequestSchema } from "../../actions/types";
import { toolResult } from "../result";
import type { RestClient } from "../rest";

// MCP wants an object at the top of a tool's input, so the request (a union over `type`) is one property of it.
export const ProposeActionInputSchema = z.object({
  action: ActionRequestSchema.describe("The action: its `type` decides the shape of `target` and `params`"),
  dry_run: z.boolean().default(false).describe("true: only plan it (what would change, and where) and store nothing"),
  finding_id: z.string().min(1).nullable().default(null).describe("The finding (from list_findings) that led to it, if any"),
});

export function registerProposeAction(server: McpServer, rest: RestClient): void {
  server.registerTool(
    "propose_action",
    {
      title: "Propose an action",
      description:
        "Proposes an action on the tenant's systems. Types: `opportunity.write_score` (target {entity: " +
        '"opportunity", id}; params {deal_score 0–100, win_probability 0–1, forecast_amount or null}) writes a score ' +
        "back to the source opportunity; `record.update` (target an account, opportunity or contact; params {fields: " +
        "{canonical field: new value}}) changes a record in its source system; `alert.create` (target a record or " +
        "null; params {severity low|medium|high, title, body, recipient or null}) raises an alert; `sub_account.tag` " +
        "(target null; params {provider_name or null, sub_account_id, tags {key: value}}) tags a cloud sub-account. " +
        "Every action needs a `reason` (shown to approvers) and an `idempotency_key` you choose: proposing the same " +
        "key again returns the first action, never a second one. The tenant's policy decides whether it executes now " +
        "or waits for approval: the answer's `status` says which (pending_approval, succeeded, failed, …). Use " +
        "`dry_run` to see the plan first. Needs the actions:write scope.",
      inputSchema: ProposeActionInputSchema,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    async ({ action, ...options }) => toolResult(await rest({ method: "POST", path: "/api/v1/aoa/actions", body: { ...action, ...options } })),
  );
}
