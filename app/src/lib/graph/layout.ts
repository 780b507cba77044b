/**
 * The Sankey layout (d3-sankey) of a lineage graph, as plain positions and link paths the page renders itself in
 * SVG: d3 computes, Svelte draws (focusable, labelled nodes instead of d3-managed DOM).
 */
import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import type { LineageGraph, LineageNode } from "./lineage";

type Node = SankeyNode<LineageNode, { value: number }>;
type Link = SankeyLink<LineageNode, { value: number }>;

export interface PlacedNode {
  node: LineageNode;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** the label goes to the node's right, except in the last column where it goes left */
  labelRight: boolean;
}

export interface PlacedLink {
  source: string;
  target: string;
  value: number;
  path: string;
  width: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
}

/** Narrower than this the chart scrolls sideways rather than squeezing its labels. */
export const MIN_WIDTH = 640;
const ROW_HEIGHT = 64;
const MIN_HEIGHT = 280;

export function layoutSankey(graph: LineageGraph, availableWidth: number): Layout {
  const width = Math.max(MIN_WIDTH, Math.floor(availableWidth));
  const height = Math.max(MIN_HEIGHT, tallestColumn(graph) * ROW_HEIGHT);
  // sankeyLeft: a sink sits right after what feeds it, so quarantine stays beside the mappings, not with the views
  const generator = sankey<LineageNode, { value: number }>()
    .nodeId((n) => n.id)
    .nodeAlign(sankeyLeft)
    .nodeWidth(14)
    .nodePadding(24)
    .extent([[1, 8], [width - 1, height - 8]]);
  // d3-sankey annotates what it is given: hand it copies
  const { nodes, links } = generator({ nodes: graph.nodes.map((n) => ({ ...n })), links: graph.links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal<LineageNode, { value: number }>();
  const last = Math.max(0, ...nodes.map((n) => n.depth ?? 0));
  return {
    width,
    height,
    nodes: nodes.map((n: Node) => ({
      node: graph.nodes.find((g) => g.id === n.id)!,
      x0: n.x0 ?? 0,
      x1: n.x1 ?? 0,
      y0: n.y0 ?? 0,
      y1: n.y1 ?? 0,
      labelRight: (n.depth ?? 0) < last,
    })),
    links: links.map((l: Link) => ({
      source: (l.source as Node).id,
      target: (l.target as Node).id,
      value: l.value,
      path: path(l) ?? "",
      width: Math.max(1, l.width ?? 1),
    })),
  };
}

/** The most nodes any column will hold, by the columns sankeyLeft assigns (depth from the sources). */
function tallestColumn(graph: LineageGraph): number {
  const depth = new Map(graph.nodes.map((n) => [n.id, 0]));
  // links only go forward (source → mapping → entity → view), so a few passes settle the depths
  for (let pass = 0; pass < 4; pass++) {
    for (const l of graph.links) depth.set(l.target, Math.max(depth.get(l.target) ?? 0, (depth.get(l.source) ?? 0) + 1));
  }
  const perColumn = new Map<number, number>();
  for (const d of depth.values()) perColumn.set(d, (perColumn.get(d) ?? 0) + 1);
  return Math.max(1, ...perColumn.values());
}
