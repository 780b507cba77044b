/**
 * Match edges → clusters, independent of the order records or edges were found in: Kruskal's algorithm over the
 * edges sorted by confidence (best first, ties by record keys) with union-find. The edges that join two clusters
 * form the cluster's strongest spanning tree: its weakest edge is the cluster's confidence, its reasons the why.
 */
import { compareText } from "../materialize/record-key";
import type { LinkReason } from "./match";

export interface MatchEdge {
  /** record keys, a < b */
  a: string;
  b: string;
  reasons: LinkReason[];
}

export interface Cluster {
  /** record keys, sorted: members[0] names the cluster */
  members: string[];
  /** null for a single record; else the spanning tree's weakest confidence and its edges' reasons */
  link: { confidence: number; reasons: LinkReason[] } | null;
}

const edgeConfidence = (edge: MatchEdge) => Math.max(...edge.reasons.map((r) => r.confidence));

export function clusterRecords(recordKeys: Iterable<string>, edges: MatchEdge[]): Cluster[] {
  const parent = new Map<string, string>();
  for (const key of recordKeys) parent.set(key, key);
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const sorted = [...edges].sort((x, y) => edgeConfidence(y) - edgeConfidence(x) || compareText(x.a, y.a) || compareText(x.b, y.b));
  const tree = new Map<string, MatchEdge[]>();
  for (const edge of sorted) {
    const [ra, rb] = [find(edge.a), find(edge.b)];
    if (ra === rb) continue;
    // the smaller root survives, so the structure (not just the result) is order-independent too
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    tree.set(root, [...(tree.get(root) ?? []), ...(tree.get(child) ?? []), edge]);
    tree.delete(child);
  }
  const members = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    members.set(root, [...(members.get(root) ?? []), key]);
  }
  return [...members.entries()]
    .map(([root, keys]) => ({ members: keys.sort(), link: linkOf(tree.get(root) ?? []) }))
    .sort((x, y) => compareText(x.members[0]!, y.members[0]!));
}

function linkOf(edges: MatchEdge[]): Cluster["link"] {
  if (edges.length === 0) return null;
  const ordered = [...edges].sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b));
  return {
    confidence: Math.min(...ordered.map(edgeConfidence)),
    reasons: ordered.flatMap((edge) => edge.reasons),
  };
}
