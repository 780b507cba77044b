/** The tenant's AAM settings as the API shows and takes them. */
import { z } from "@hono/zod-openapi";
import { DEFAULT_AUTO_APPLY_THRESHOLD } from "../../../../aam/matching/calibrate";
import type { TenantRow } from "../../../../platform/db/schema";

const threshold = z.number().min(0.5).max(1);

export const AamSettingsUpdateSchema = z
  .object({
    auto_apply_threshold: threshold.nullable().openapi({
      description: "Confidence (0.5–1) at or above which matches, repairs and drafted mappings apply without review; null: the default",
      example: 0.95,
    }),
  })
  .openapi("AamSettingsUpdate");

export const AamSettingsSchema = AamSettingsUpdateSchema.extend({
  effective_auto_apply_threshold: threshold.openapi({ description: "The threshold in effect: the tenant's, else the default" }),
  default_auto_apply_threshold: threshold.openapi({ description: "The matcher's calibrated default" }),
}).openapi("AamSettings");

export function settingsResponse(tenant: Pick<TenantRow, "autoApplyThreshold"> | undefined): z.infer<typeof AamSettingsSchema> {
  const chosen = tenant?.autoApplyThreshold ?? null;
  return {
    auto_apply_threshold: chosen,
    effective_auto_apply_threshold: chosen ?? DEFAULT_AUTO_APPLY_THRESHOLD,
    default_auto_apply_threshold: DEFAULT_AUTO_APPLY_THRESHOLD,
  };
}
