/**
 * Whether two account records are the same company, and why: an explicit external id (certain), the same
 * normalized domain, or similar normalized names — unless the records give different domains or their names
 * different numbers ("Firma 12" is not "Firma 13"), which is evidence against rather than a gap. A pair matches when any rule does; its confidence is the best
 * rule's. A pure function of the two records, so linking does not depend on the order they arrived in.
 */
import type { SourceRecord } from "../materialize/store";
import { externalRefs } from "./external-ids";
import { nameTokens, normalizeDomain, numberTokens } from "./normalize";
import { trigramSimilarity, trigrams } from "./similarity";

export type LinkableAccount = Pick<SourceRecord, "recordKey" | "object" | "recordId" | "data">;

export interface LinkReason {
  rule: "external_id" | "domain" | "name";
  detail: string;
  confidence: number;
}

/** Names at least this similar (trigram Dice of the normalized names) are taken for the same company. */
export const NAME_THRESHOLD = 0.85;
const DOMAIN_CONFIDENCE = 0.95;
// Even identical names stay below a shared domain: "Central Services" exists in many cities.
const NAME_WEIGHT = 0.9;

const label = (r: LinkableAccount) => `${r.object}/${r.recordId}`;
const text = (value: unknown) => (typeof value === "string" ? value : null);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function namesOther(from: LinkableAccount, to: LinkableAccount): LinkReason | undefined {
  const refers = externalRefs((from.data.extras ?? {}) as Record<string, unknown>).some((ref) => ref.object === to.object && ref.record_id === to.recordId);
  return refers ? { rule: "external_id", detail: `${label(from)} names ${label(to)}`, confidence: 1 } : undefined;
}

/** What matching reads from a record, worked out once per record object: a record meets many candidates. */
interface Features {
  domain: string | null;
  name: string;
  numbers: string;
  grams: Set<string>;
}
const featureCache = new WeakMap<LinkableAccount, Features>();

function featuresOf(record: LinkableAccount): Features {
  let features = featureCache.get(record);
  if (features === undefined) {
    const tokens = nameTokens(text(record.data.name) ?? "");
    const name = tokens.join(" ");
    features = { domain: normalizeDomain(text(record.data.website)), name, numbers: numberTokens(tokens), grams: trigrams(name) };
    featureCache.set(record, features);
  }
  return features;
}

export function matchAccounts(a: LinkableAccount, b: LinkableAccount): LinkReason[] {
  const reasons: LinkReason[] = [];
  for (const reason of [namesOther(a, b), namesOther(b, a)]) if (reason !== undefined) reasons.push(reason);
  const [fa, fb] = [featuresOf(a), featuresOf(b)];
  if (fa.domain !== null && fa.domain === fb.domain) {
    reasons.push({ rule: "domain", detail: `${fa.domain}: ${label(a)} = ${label(b)}`, confidence: DOMAIN_CONFIDENCE });
  }
  const conflicting = (fa.domain !== null && fb.domain !== null && fa.domain !== fb.domain) || fa.numbers !== fb.numbers;
  const similarity = conflicting ? 0 : trigramSimilarity(fa.grams, fb.grams);
  if (similarity >= NAME_THRESHOLD) {
    reasons.push({ rule: "name", detail: `"${fa.name}" ~ "${fb.name}" (${round3(similarity)}): ${label(a)} = ${label(b)}`, confidence: round3(similarity * NAME_WEIGHT) });
  }
  return reasons;
}
