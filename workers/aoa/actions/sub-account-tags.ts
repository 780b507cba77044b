/**
 * The tenant's sub-account tag registry, written by `sub_account.tag` actions: tags merge key by key (a new value
 * replaces the old one, other keys stay), in one statement so concurrent actions cannot lose each other's tags.
 */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import type { TenantScope } from "../../platform/db";
import { type AoaSubAccountTagsRow, aoaSubAccountTags } from "../../platform/db/aoa-actions-schema";
import type { ActionPlan } from "./types";

type TagPlan = Extract<ActionPlan, { kind: "sub_account_tags" }>;
type Tags = Record<string, string>;

/** A missing provider is stored as '' (see the table); never a real provider name, which is non-empty. */
const NO_PROVIDER = "";
const providerKey = (providerName: string | null) => providerName ?? NO_PROVIDER;

export const SubAccountTagsSchema = z
  .object({
    provider_name: z.string().nullable(),
    sub_account_id: z.string(),
    tags: z.record(z.string(), z.string()),
    action_id: z.string().openapi({ description: "The action that last changed them" }),
    updated_at: z.string(),
  })
  .openapi("SubAccountTags");

export const subAccountTagsResponse = (row: AoaSubAccountTagsRow): z.infer<typeof SubAccountTagsSchema> => ({
  provider_name: row.providerName === NO_PROVIDER ? null : row.providerName,
  sub_account_id: row.subAccountId,
  tags: row.tags,
  action_id: row.actionId,
  updated_at: row.updatedAt,
});

async function tagsOf(scope: TenantScope, providerName: string | null, subAccountId: string): Promise<AoaSubAccountTagsRow | undefined> {
  const [row] = await scope.select(
    aoaSubAccountTags,
    eq(aoaSubAccountTags.providerName, providerKey(providerName)),
    eq(aoaSubAccountTags.subAccountId, subAccountId),
  );
  return row;
}

/** The registry's tags now and after merging `tags` in. */
export async function planTags(scope: TenantScope, params: Pick<TagPlan, "provider_name" | "sub_account_id" | "tags">): Promise<TagPlan> {
  const current = (await tagsOf(scope, params.provider_name, params.sub_account_id))?.tags ?? {};
  return { kind: "sub_account_tags", ...params, current, merged: { ...current, ...params.tags } };
}

/** Merges the tags into the registry (merged against what is stored now, not the plan's snapshot); the tags after. */
export async function mergeTags(scope: TenantScope, params: Pick<TagPlan, "provider_name" | "sub_account_id" | "tags">, actionId: string): Promise<Tags> {
  const now = new Date().toISOString();
  await scope.db
    .insert(aoaSubAccountTags)
    .values({ tenantId: scope.tenantId, providerName: providerKey(params.provider_name), subAccountId: params.sub_account_id, tags: params.tags, actionId, updatedAt: now })
    .onConflictDoUpdate({
      target: [aoaSubAccountTags.tenantId, aoaSubAccountTags.providerName, aoaSubAccountTags.subAccountId],
      set: { tags: sql`json_patch(${aoaSubAccountTags.tags}, excluded.tags)`, actionId, updatedAt: now },
    })
    .run();
  const row = await tagsOf(scope, params.provider_name, params.sub_account_id);
  if (row === undefined) throw new Error(`tags of sub-account ${params.sub_account_id} vanished after the merge`);
  return row.tags;
}

/** The registry, by provider then sub-account; optionally one sub-account's entries. */
export function listSubAccountTags(scope: TenantScope, filter: { sub_account_id?: string | undefined }): Promise<AoaSubAccountTagsRow[]> {
  return scope.db
    .select()
    .from(aoaSubAccountTags)
    .where(scope.where(aoaSubAccountTags, filter.sub_account_id === undefined ? undefined : eq(aoaSubAccountTags.subAccountId, filter.sub_account_id)))
    .orderBy(asc(aoaSubAccountTags.providerName), asc(aoaSubAccountTags.subAccountId));
}
