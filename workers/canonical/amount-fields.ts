/**
 * Each entity's money amount, whose value needs the record's `currency` (the entity schema's currencyGiven check):
 * one table, so the schemas and whoever drafts a mapping (a currency must come with the amount) agree. A cost has
 * none here: its `billing_currency` is required outright, whatever its amounts.
 */
import type { EntityName } from "./names";

export const AMOUNT_FIELD = { account: "annual_revenue", opportunity: "amount", contact: null, cost: null } as const satisfies Record<EntityName, string | null>;
