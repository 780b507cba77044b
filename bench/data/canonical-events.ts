/**
 * A tenant's canonical stream as the pipeline appends it: batches of one entity (a FileSource page), accounts
 * first, then opportunities and contacts naming them by source record id, all of one connection. Names are
 * realistic for linking: a distinct first token, one of a dozen shared sector words and a legal form, so name
 * blocks hold a few hundred records each at 10,000 events; every 25th account repeats an earlier one's website
 * (a domain match, so some accounts merge into a unified one).
 */
import type { CanonicalEvent } from "../../workers/canonical/event";
import type { EntityName } from "../../workers/canonical/names";

const SECTORS = ["Logistics", "Maschinenbau", "Systems", "Consulting", "Holding", "Software", "Foods", "Energy", "Textil", "Pharma", "Retail", "Bau"];
const LEGAL = ["GmbH", "AG", "Inc.", "Ltd", "B.V.", ""];
const SYLLABLES = ["ka", "lo", "mi", "ren", "tav", "dus", "bor", "fel", "gri", "hun", "jas", "kel", "mor", "nix", "pel", "quo", "ril", "sab", "tor", "vek"];
/** A pronounceable token of its own per n (base-20 syllables), so records do not all share one name block. */
const word = (n: number) => {
  let out = "";
  for (let rest = n + 400; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) out += SYLLABLES[rest % SYLLABLES.length];
  return out[0]!.toUpperCase() + out.slice(1);
};
/** Shares: 30 % accounts, 40 % opportunities, 30 % contacts (the CRM bench has no costs). */
const SHARE: Record<EntityName, number> = { account: 0.3, opportunity: 0.4, contact: 0.3, cost: 0 };

const iso = (i: number) => `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}T10:00:00.000Z`;
const stamps = (i: number) => ({ created_at: iso(i), updated_at: iso(i + 7), extras: { region: SECTORS[i % 5] } });

function accountData(i: number) {
  const domainOf = i % 25 === 24 ? i - 12 : i;
  return {
    name: `${word(i)} ${SECTORS[i % SECTORS.length]} ${LEGAL[i % LEGAL.length]}`.trim(),
    industry: SECTORS[i % SECTORS.length]!, annual_revenue: i % 7 === 0 ? null : (i * 7919) % 50_000_000, currency: i % 7 === 0 ? null : "EUR",
    employee_count: (i * 31) % 5000, website: i % 9 === 0 ? null : `https://www.${word(domainOf).toLowerCase()}.example`,
    phone: `+49 89 ${100000 + i}`, billing_city: "München", billing_country: "DE", owner: "Lea Fischer", description: null,
    ...stamps(i),
  };
}
const opportunityData = (i: number, account: string | null) => ({
  account_id: account, name: `Deal ${i}`, stage: "Prospecting", amount: (i * 113) % 900_000, currency: "EUR",
  close_date: "2026-03-31", probability: 10, status: "open", type: null, lead_source: "Web", owner: "Jonas Weber", description: null,
  ...stamps(i),
});
const contactData = (i: number, account: string | null) => ({
  account_id: account, first_name: word(i + 7), last_name: word(i + 13), email: `p${i}@example.com`, phone: null, mobile_phone: null,
  title: "Buyer", department: null, mailing_city: "Hamburg", mailing_country: "DE", owner: null,
  ...stamps(i),
});

function event(tenantId: string, connectionId: string, entity: EntityName, i: number, data: Record<string, unknown>): CanonicalEvent {
  const recordId = `${entity.slice(0, 3)}-${i}`;
  return {
    meta: { version: 1, tenant_id: tenantId, trace_id: "bench-materialize", event_id: `evt_bench_${entity}_${i}`, emitted_at: iso(i), mapping_version: "bench@1", op: "upsert" },
    source: { system: "filesource", connection_id: connectionId, object: `${entity}s`, record_id: recordId, cursor: `line:${i}` },
    entity,
    data: { source_id: recordId, ...data },
  } as CanonicalEvent;
}

/** `count` events in batches of `batchSize` events of one entity each, in stream order. */
export function canonicalEventBatches(tenantId: string, connectionId: string, count: number, batchSize: number): CanonicalEvent[][] {
  const accounts = Math.round(count * SHARE.account);
  const opportunities = Math.round(count * SHARE.opportunity);
  const accountOf = (i: number) => (i % 10 === 9 ? null : `acc-${(i * 7) % accounts}`);
  const byEntity: CanonicalEvent[][] = [
    Array.from({ length: accounts }, (_, i) => event(tenantId, connectionId, "account", i, accountData(i))),
    Array.from({ length: opportunities }, (_, i) => event(tenantId, connectionId, "opportunity", i, opportunityData(i, accountOf(i)))),
    Array.from({ length: count - accounts - opportunities }, (_, i) => event(tenantId, connectionId, "contact", i, contactData(i, accountOf(i + 3)))),
  ];
  const batches = byEntity.map((events) => Array.from({ length: Math.ceil(events.length / batchSize) }, (_, b) => events.slice(b * batchSize, (b + 1) * batchSize)));
  // accounts first (an accounts file), then the two dependent entities' pages interleaved
  const [accountBatches, opportunityBatches, contactBatches] = batches as [CanonicalEvent[][], CanonicalEvent[][], CanonicalEvent[][]];
  const dependents = Array.from({ length: Math.max(opportunityBatches.length, contactBatches.length) }, (_, b) => [opportunityBatches[b], contactBatches[b]]).flat();
  return [...accountBatches, ...dependents.filter((batch) => batch !== undefined)];
}
