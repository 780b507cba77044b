/** Action requests for the Write API tests, and the calls that propose and decide them through the real gateway. */
import type { z } from "@hono/zod-openapi";
import { ActionSchema } from "../../../../../workers/aoa/actions/types";
import type { AlertCreateRequestSchema, SubAccountTagRequestSchema } from "../../../../../workers/aoa/actions/types";
import { call } from "../../../../helpers/http";
import { insertAction } from "../../../../../workers/aoa/actions/store";
import type { ActionPlan } from "../../../../../workers/aoa/actions/types";
import type { TenantScope } from "../../../../../workers/platform/db";
import type { AoaActionRow } from "../../../../../workers/platform/db/aoa-actions-schema";
import { newId } from "../../../../../workers/platform/ids";

export const ACTIONS = "/api/v1/aoa/actions";
export const ALERTS = "/api/v1/aoa/alerts";
export const TAGS = "/api/v1/aoa/sub-accounts/tags";
export const POLICIES = "/api/v1/aoa/policies";

const key = () => `key-${crypto.randomUUID()}`;

export const alertRequest = (overrides: Partial<z.input<typeof AlertCreateRequestSchema>> = {}): z.input<typeof AlertCreateRequestSchema> => ({
  type: "alert.create",
  target: { entity: "opportunity", id: "opp_1" },
  params: { severity: "high", title: "Deal at risk", body: "The close date slipped twice.", recipient: "owner@example.com" },
  reason: "deal_risk finding",
  idempotency_key: key(),
  ...overrides,
});

export const tagRequest = (tags: Record<string, string>, overrides: Partial<z.input<typeof SubAccountTagRequestSchema>> = {}): z.input<typeof SubAccountTagRequestSchema> => ({
  type: "sub_account.tag",
  target: null,
  params: { provider_name: "AWS", sub_account_id: "123456789012", tags },
  reason: "cost anomaly owner",
  idempotency_key: key(),
  ...overrides,
});

/** POSTs the body; returns the response and, on 200/201, the action it carries. */
export async function propose(headers: Record<string, string>, body: unknown) {
  const res = await call(ACTIONS, { headers, body });
  return { res, action: res.status === 201 || res.status === 200 ? ActionSchema.parse(await res.json()) : undefined };
}

export async function decide(headers: Record<string, string>, id: string, verb: "approve" | "reject" | "retry", body?: unknown) {
  return call(`${ACTIONS}/${id}/${verb}`, { method: "POST", headers, body });
}

/**
 * A held record.update whose stored plan writes through a connection the tenant does not have (deleted since it
 * was planned): approving it fails in the write-back, which is what the failure and retry tests need.
 */
export async function heldBrokenWriteBack(scope: TenantScope): Promise<AoaActionRow> {
  const target = { entity: "opportunity" as const, id: "opp_gone" };
  const write = { system: "salesforce" as const, connection_id: "con_deleted", object: "Opportunity", record_id: "006000000000001" };
  const plan: ActionPlan = {
    kind: "write_back",
    write_back: {
      target,
      writes: [{ ...write, mapping: { id: "salesforce/Opportunity", version: 1, mapping_version: "salesforce/Opportunity@1#0123456789ab" }, data: { StageName: "Closed Won" }, fields: [{ field: "stage", source_field: "StageName", value: "Closed Won", source_value: "Closed Won" }] }],
      skipped: [],
    },
  };
  const row = await insertAction(scope, {
    id: newId("act"),
    type: "record.update",
    target,
    params: { fields: { stage: "Closed Won" } },
    reason: "won",
    status: "pending_approval",
    policy: "approval",
    actorType: "agent",
    actorId: "revops",
    idempotencyKey: key(),
    requestHash: "0".repeat(64),
    plan,
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  });
  if (row === undefined) throw new Error("the held action was not stored");
  return row;
}
