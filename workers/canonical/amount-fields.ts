/**
 * Each entity's money amount, whose value needs the record's `currency` (the entity schema's currencyGiven check):
 * one table, so the schemas and whoever drafts a mapping (a currency must come with the amount) agree.
 */
import type { EntityName } from "./names";

export const AMOUNT_FIELD = { account: "annual_revenue", opportunity: "amount", contact: null } as const satisfies Record<EntityName, string | null>;
