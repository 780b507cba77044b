/** Alerts raised by `alert.create` actions: one per action (a retry finds the alert already there), listed newest first. */
import { desc, eq } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { isUniqueViolation, type TenantScope } from "../../platform/db";
import { type AoaAlertRow, aoaAlerts } from "../../platform/db/aoa-actions-schema";
import { newId } from "../../platform/ids";
import { olderThan, type PagePosition } from "../../aam/pipeline/page-cursor";
import type { ActionPlan } from "./types";

type AlertDraft = Extract<ActionPlan, { kind: "alert" }>["alert"];

export const AlertSeveritySchema = z.enum(aoaAlerts.severity.enumValues).openapi("AlertSeverity");

export const AlertSchema = z
  .object({
    id: z.string(),
    action_id: z.string().openapi({ description: "The `alert.create` action that raised it" }),
    severity: AlertSeveritySchema,
    title: z.string(),
    body: z.string(),
    recipient: z.string().nullable(),
    target: z.object({ entity: z.string(), id: z.string() }).nullable(),
    created_at: z.string(),
  })
  .openapi("Alert");

export const alertResponse = (row: AoaAlertRow): z.infer<typeof AlertSchema> => ({
  id: row.id,
  action_id: row.actionId,
  severity: row.severity,
  title: row.title,
  body: row.body,
  recipient: row.recipient,
  target: row.targetEntity === null || row.targetId === null ? null : { entity: row.targetEntity, id: row.targetId },
  created_at: row.createdAt,
});

/** Stores the action's alert; its id (the existing one when the action already raised it). */
export async function createAlert(scope: TenantScope, alert: AlertDraft, actionId: string): Promise<string> {
  const id = newId("alr");
  try {
    await scope.insert(aoaAlerts, {
      id,
      actionId,
      severity: alert.severity,
      title: alert.title,
      body: alert.body,
      recipient: alert.recipient,
      targetEntity: alert.target?.entity ?? null,
      targetId: alert.target?.id ?? null,
    });
    return id;
  } catch (err) {
    if (!isUniqueViolation(err, "aoa_alerts.action_id")) throw err;
    const [existing] = await scope.select(aoaAlerts, eq(aoaAlerts.actionId, actionId));
    if (existing === undefined) throw err; // another tenant's action id cannot clash: ids are random
    return existing.id;
  }
}

export function listAlerts(
  scope: TenantScope,
  filter: { severity?: z.infer<typeof AlertSeveritySchema> | undefined },
  page: { limit: number; before?: PagePosition | undefined },
): Promise<AoaAlertRow[]> {
  return scope.db
    .select()
    .from(aoaAlerts)
    .where(scope.where(aoaAlerts, filter.severity === undefined ? undefined : eq(aoaAlerts.severity, filter.severity), olderThan(aoaAlerts, page.before)))
    .orderBy(desc(aoaAlerts.createdAt), desc(aoaAlerts.id))
    .limit(page.limit);
}
