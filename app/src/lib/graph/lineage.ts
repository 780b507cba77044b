/** The lineage graph as the DCL Graph page reads it: what each node counts, and its neighbours. */
import type { LineageGraph, LineageNode } from "$workers/dcl/catalog/lineage";

export type { LineageGraph, LineageNode };
export type NodeKind = LineageNode["kind"];

/** What a node's number counts: a source object's records went to a mapping or to quarantine; a view holds rows. */
export const UNIT: Record<NodeKind, string> = {
  source_object: "records",
  mapping: "events",
  entity: "events",
  view: "rows",
  quarantine: "held back",
};

export const KIND_LABEL: Record<NodeKind, string> = {
  source_object: "Source object",
  mapping: "Mapping",
  entity: "Canonical entity",
  view: "View",
  quarantine: "Quarantine",
};

/** A view counts its live rows (its link carries live + tombstoned); every other node what flows through it. */
export function nodeCount(graph: LineageGraph, node: LineageNode): number {
  if (node.kind === "view" && node.rows !== undefined) return node.rows.live;
  const sum = (side: "source" | "target") => graph.links.filter((l) => l[side] === node.id).reduce((n, l) => n + l.value, 0);
  return node.kind === "source_object" ? sum("source") : sum("target");
}

export interface Neighbour {
  node: LineageNode;
  value: number;
}

/** The nodes that flow into `node` (upstream) and that it flows into (downstream), with the link's value. */
export function neighbours(graph: LineageGraph, node: LineageNode): { upstream: Neighbour[]; downstream: Neighbour[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const side = (from: "source" | "target", to: "source" | "target") =>
    graph.links.flatMap((l) => {
      const other = l[from] === node.id ? byId.get(l[to]) : undefined;
      return other === undefined ? [] : [{ node: other, value: l.value }];
    });
  return { upstream: side("target", "source"), downstream: side("source", "target") };
}

/** A mapping node's document, `filesource/accounts`, as the mapping API's path parameters. */
export function mappingRef(node: LineageNode): { system: string; object: string } | null {
  if (node.kind !== "mapping" || node.system === undefined || !node.label.startsWith(`${node.system}/`)) return null;
  return { system: node.system, object: node.label.slice(node.system.length + 1) };
}

export const describeNode = (graph: LineageGraph, node: LineageNode) =>
  `${KIND_LABEL[node.kind]} ${node.label}: ${nodeCount(graph, node).toLocaleString()} ${UNIT[node.kind]}`;
