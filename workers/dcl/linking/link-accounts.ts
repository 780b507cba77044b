/**
 * Re-links the account records a batch touched. Their old clusters are reopened (a changed record may split
 * one), then the match graph is walked from them through the blocking-key index until no new matching record
 * turns up: the records reached are exactly the connected components involved, and clustering them is the same
 * whether the records arrived now, earlier or in another order.
 */
import type { SourceRecord, ViewStore } from "../materialize/store";
import { type Cluster, type MatchEdge, clusterRecords } from "./cluster";
import { matchAccounts } from "./match";

export interface Relinked {
  clusters: Cluster[];
  /** every record of `clusters`, by record key (with its unified id before relinking) */
  records: Map<string, SourceRecord>;
}

export async function relinkAccounts(store: ViewStore, touched: SourceRecord[]): Promise<Relinked> {
  const records = new Map(touched.map((r) => [r.recordKey, r]));
  const oldClusters = [...new Set(touched.flatMap((r) => (r.unifiedId === null ? [] : [r.unifiedId])))];
  for (const r of await store.accountsInClusters(oldClusters)) if (!records.has(r.recordKey)) records.set(r.recordKey, r);

  const edges: MatchEdge[] = [];
  const compared = new Set<string>();
  let frontier = [...records.values()];
  while (frontier.length > 0) {
    const candidates = await store.accountsWithLinkKeys([...new Set(frontier.flatMap((r) => r.linkKeys))]);
    // candidates by key, so a record meets only those sharing one of its keys (not every candidate of the round)
    const byKey = new Map<string, number[]>();
    for (const [i, stored] of candidates.entries()) {
      for (const key of stored.linkKeys) {
        const indexes = byKey.get(key);
        if (indexes === undefined) byKey.set(key, [i]);
        else indexes.push(i);
      }
    }
    const next: SourceRecord[] = [];
    for (const from of frontier) {
      const sharing = [...new Set(from.linkKeys.flatMap((key) => byKey.get(key) ?? []))].sort((x, y) => x - y);
      for (const stored of sharing.map((i) => candidates[i]!)) {
        if (stored.recordKey === from.recordKey) continue;
        const candidate = records.get(stored.recordKey) ?? stored;
        const [a, b] = from.recordKey < candidate.recordKey ? [from, candidate] : [candidate, from];
        const pair = JSON.stringify([a.recordKey, b.recordKey]);
        if (compared.has(pair)) continue;
        compared.add(pair);
        const reasons = matchAccounts(a, b);
        if (reasons.length === 0) continue;
        edges.push({ a: a.recordKey, b: b.recordKey, reasons });
        if (!records.has(candidate.recordKey)) {
          records.set(candidate.recordKey, candidate);
          next.push(candidate);
        }
      }
    }
    frontier = next;
  }
  return { clusters: clusterRecords(records.keys(), edges), records };
}
