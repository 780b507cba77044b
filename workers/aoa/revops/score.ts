/**
 * A deal's score (0–100) that explains itself. It starts from the overall win rate in log-odds; each factor adds a
 * signed contribution (stage: its calibrated win rate against the overall one; then age in stage, close-date
 * slips, a close date already past, amount against the account's won deals, contact coverage, staleness), and the
 * sum back through the logistic function is the deal's win probability. The effects are rounded before summing,
 * so the explanation adds up to the score exactly.
 */
import { z } from "@hono/zod-openapi";
import { type Slips, closeDateSlips, daysBetween, lastActivity, stageEnteredAt } from "./history";
import type { RevOpsOpportunity } from "./input";
import { type RevOpsModel, accountKey } from "./model";
import { median } from "./stage-ages";
import { winRateOf } from "./win-rates";

/** Fewer finished stints than this and a stage has no typical age to compare with. */
export const MIN_AGE_SAMPLES = 3;
/** Days without any change after which a deal starts to lose score. */
export const QUIET_DAYS = 14;
/** Days without any change after which pipeline health calls a deal stale. */
export const STALE_DAYS = 30;
/** Log-odds bounds: a score never claims certainty (1–99). */
const MAX_LOG_ODDS = Math.log(99);

export const FactorSchema = z.object({ factor: z.string(), value: z.unknown(), effect: z.number(), detail: z.string() });
export type Factor = z.infer<typeof FactorSchema>;

export const DealScoreSchema = z.object({
  deal_id: z.string(),
  name: z.string(),
  account_id: z.string().nullable(),
  stage: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  close_date: z.string().nullable(),
  score: z.number().int().min(0).max(100),
  win_probability: z.number(),
  /** the stage's calibrated win rate, before the other factors */
  stage_rate: z.number(),
  /** amount × win probability; null without an amount */
  forecast_amount: z.number().nullable(),
  slips: z.object({ count: z.number().int(), days: z.number() }),
  days_past_close: z.number().nullable(),
  days_since_update: z.number().nullable(),
  explanation: z.array(FactorSchema),
});
export type DealScore = z.infer<typeof DealScoreSchema>;

export interface ScoreContext {
  model: RevOpsModel;
  contactCounts: Readonly<Record<string, number>>;
  now: string;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pct = (p: number) => `${Math.round(p * 100)}%`;

function stageFactor(deal: RevOpsOpportunity, ctx: ScoreContext): Factor {
  const overall = ctx.model.winRates.overall.rate;
  const { rate, samples } = winRateOf(ctx.model.winRates, deal.stage);
  const detail =
    samples === 0
      ? `no closed deal passed through ${JSON.stringify(deal.stage)}: the overall win rate ${pct(overall)} applies`
      : `${samples} closed deal(s) passed through ${JSON.stringify(deal.stage)}: ${pct(rate)} won (overall ${pct(overall)})`;
  return { factor: "stage", value: round(rate, 4), effect: logit(rate) - logit(overall), detail };
}

/** The median finished stint of the deal's stage, when enough deals finished one. */
function typicalStageDays(deal: RevOpsOpportunity, ctx: ScoreContext): number | null {
  const typical = ctx.model.stageAges.find((a) => a.stage === deal.stage);
  return typical === undefined || typical.samples < MIN_AGE_SAMPLES || typical.median_days <= 0 ? null : typical.median_days;
}

function ageFactor(deal: RevOpsOpportunity, ctx: ScoreContext): Factor {
  const entered = stageEnteredAt(deal);
  if (entered === null) return { factor: "age_in_stage", value: null, effect: 0, detail: "unknown: no history of when the deal entered its stage" };
  const days = Math.max(0, daysBetween(entered, ctx.now));
  const typical = typicalStageDays(deal, ctx);
  if (typical === null) return { factor: "age_in_stage", value: round(days, 1), effect: 0, detail: `${Math.round(days)} days in stage; too few finished stints to compare` };
  const ratio = days / typical;
  return {
    factor: "age_in_stage",
    value: round(days, 1),
    effect: ratio > 1 ? -0.4 * Math.min(Math.log2(ratio), 3) : 0,
    detail: `${Math.round(days)} days in stage, typically ${Math.round(typical)}`,
  };
}

/** What the score reads off the deal's dates, also reported with the score (health lists deals by them). */
interface DealTimes {
  slips: Slips;
  /** days the close date lies behind `now` (0 when still ahead), null without one */
  daysPastClose: number | null;
  /** days since the last change, null when never updated */
  daysQuiet: number | null;
}

function timesOf(deal: RevOpsOpportunity, now: string): DealTimes {
  const last = lastActivity(deal);
  return {
    slips: closeDateSlips(deal),
    daysPastClose: deal.close_date === null ? null : Math.max(0, daysBetween(`${deal.close_date}T23:59:59.999Z`, now)),
    daysQuiet: last === null ? null : Math.max(0, daysBetween(last, now)),
  };
}

function slipFactor({ slips }: DealTimes): Factor {
  const effect = slips.count === 0 ? 0 : -(0.35 * slips.count + 0.25 * Math.min(slips.days / 30, 4));
  const detail = slips.count === 0 ? "close date never pushed out" : `close date pushed out ${slips.count} time(s), ${Math.round(slips.days)} days in all`;
  return { factor: "close_date_slips", value: { count: slips.count, days: round(slips.days, 1) }, effect, detail };
}

function pastCloseFactor({ daysPastClose: days }: DealTimes): Factor {
  if (days === null || days === 0) {
    return { factor: "close_date_past", value: days, effect: 0, detail: days === null ? "no close date" : "close date still ahead" };
  }
  return { factor: "close_date_past", value: round(days, 1), effect: -(0.5 + 0.25 * Math.min(days / 30, 4)), detail: `still open ${Math.ceil(days)} days after its close date` };
}

function amountFactor(deal: RevOpsOpportunity, ctx: ScoreContext): Factor {
  const won = deal.account_id === null ? undefined : ctx.model.wonAmounts.get(accountKey(deal.account_id, deal.currency));
  if (deal.amount === null || won === undefined || deal.amount <= 0) {
    return { factor: "amount_vs_account", value: null, effect: 0, detail: "no amount or no won deal of this account to compare with" };
  }
  const typical = median(won);
  if (typical <= 0) return { factor: "amount_vs_account", value: null, effect: 0, detail: "the account's won deals have no positive amount" };
  const ratio = deal.amount / typical;
  return {
    factor: "amount_vs_account",
    value: round(ratio, 3),
    effect: -0.3 * clamp(Math.log2(ratio), -1, 3),
    detail: `${round(ratio, 2)}× the median of the account's ${won.length} won deal(s) (${typical} ${deal.currency ?? ""})`.trimEnd(),
  };
}

function contactFactor(deal: RevOpsOpportunity, ctx: ScoreContext): Factor {
  if (deal.account_id === null) return { factor: "contact_coverage", value: null, effect: 0, detail: "not linked to an account" };
  const contacts = ctx.contactCounts[deal.account_id] ?? 0;
  const effect = contacts === 0 ? -0.4 : contacts === 1 ? -0.15 : contacts === 2 ? 0 : 0.15;
  return { factor: "contact_coverage", value: contacts, effect, detail: `${contacts} contact(s) known at the account` };
}

/** Quiet is normal for as long as deals typically sit in the stage; only the time beyond that counts. */
function stalenessFactor(deal: RevOpsOpportunity, { daysQuiet: days }: DealTimes, ctx: ScoreContext): Factor {
  if (days === null) return { factor: "staleness", value: null, effect: 0, detail: "never updated" };
  const typical = typicalStageDays(deal, ctx);
  const allowed = Math.max(QUIET_DAYS, typical ?? 0);
  const effect = days > allowed ? -0.2 * Math.min((days - allowed) / QUIET_DAYS, 5) : 0;
  return { factor: "staleness", value: round(days, 1), effect, detail: `last change ${Math.floor(days)} days ago (quiet up to ${Math.round(allowed)} days is usual)` };
}

export function scoreDeal(deal: RevOpsOpportunity, ctx: ScoreContext): DealScore {
  const times = timesOf(deal, ctx.now);
  const factors = [
    stageFactor(deal, ctx),
    ageFactor(deal, ctx),
    slipFactor(times),
    pastCloseFactor(times),
    amountFactor(deal, ctx),
    contactFactor(deal, ctx),
    stalenessFactor(deal, times, ctx),
    // +0 turns a rounded -0 into 0, so equal scores serialize identically
  ].map((factor) => ({ ...factor, effect: round(factor.effect, 3) + 0 }));
  const logOdds = clamp(logit(ctx.model.winRates.overall.rate) + factors.reduce((sum, f) => sum + f.effect, 0), -MAX_LOG_ODDS, MAX_LOG_ODDS);
  const probability = round(logistic(logOdds), 4);
  return {
    deal_id: deal.id,
    name: deal.name,
    account_id: deal.account_id,
    stage: deal.stage,
    amount: deal.amount,
    currency: deal.currency,
    close_date: deal.close_date,
    score: Math.round(probability * 100),
    win_probability: probability,
    stage_rate: round(winRateOf(ctx.model.winRates, deal.stage).rate, 4),
    forecast_amount: deal.amount === null ? null : round(deal.amount * probability, 2),
    slips: { count: times.slips.count, days: round(times.slips.days, 1) },
    days_past_close: times.daysPastClose === null ? null : round(times.daysPastClose, 1),
    days_since_update: times.daysQuiet === null ? null : round(times.daysQuiet, 1),
    explanation: factors,
  };
}
