/**
 * Everything the scorer learns from the tenant's deals as they stood at one instant (now, or a backtest's
 * cut-off): win rates by stage, typical time in each stage, and each account's won deal amounts per currency.
 */
import type { RevOpsOpportunity } from "./input";
import { type StageAge, learnStageAges } from "./stage-ages";
import { type WinRates, learnWinRates } from "./win-rates";

export interface RevOpsModel {
  winRates: WinRates;
  stageAges: StageAge[];
  /** won amounts by accountKey, ascending */
  wonAmounts: Map<string, number[]>;
}

export const accountKey = (accountId: string, currency: string | null): string => JSON.stringify([accountId, currency]);

export function learnModel(deals: readonly RevOpsOpportunity[]): RevOpsModel {
  const wonAmounts = new Map<string, number[]>();
  for (const deal of deals) {
    if (deal.status !== "won" || deal.account_id === null || deal.amount === null) continue;
    const key = accountKey(deal.account_id, deal.currency);
    wonAmounts.set(key, [...(wonAmounts.get(key) ?? []), deal.amount].sort((a, b) => a - b));
  }
  return { winRates: learnWinRates(deals), stageAges: learnStageAges(deals), wonAmounts };
}
