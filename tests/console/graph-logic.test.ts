// The DCL Graph page's pure logic: what each lineage node counts, its neighbours, its mapping, the Sankey layout and
// the coalescing of live re-fetches.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "../../app/src/lib/graph/coalesce";
import { MIN_WIDTH, layoutSankey } from "../../app/src/lib/graph/layout";
import { type LineageGraph, type LineageNode, describeNode, mappingRef, nodeCount, neighbours } from "../../app/src/lib/graph/lineage";

const SOURCE = "source:[\"con_1\",\"accounts.csv\"]";
const OTHER_SOURCE = "source:[\"con_2\",\"Account\"]";

/** Two sources into one mapping each, one entity, its view, and quarantine: the shape GET /dcl/catalog/lineage returns. */
const graph: LineageGraph = {
  nodes: [
    { id: SOURCE, kind: "source_object", label: "Files · accounts.csv", connection_id: "con_1", system: "filesource", object: "accounts.csv" },
    { id: OTHER_SOURCE, kind: "source_object", label: "CRM · Account", connection_id: "con_2", system: "salesforce", object: "Account" },
    { id: "quarantine", kind: "quarantine", label: "quarantine" },
    {
      id: "mapping:filesource/accounts", kind: "mapping", label: "filesource/accounts", system: "filesource",
      mapping_versions: [{ mapping_version: "filesource/accounts@1#3f2a9c0d1e4b", events: 5 }],
    },
    { id: "mapping:salesforce/Account", kind: "mapping", label: "salesforce/Account", system: "salesforce" },
    { id: "entity:account", kind: "entity", label: "account", entity: "account" },
    { id: "view:accounts", kind: "view", label: "accounts", view: "accounts", rows: { live: 6, tombstoned: 1 } },
  ],
  links: [
    { source: SOURCE, target: "mapping:filesource/accounts", value: 5 },
    { source: SOURCE, target: "quarantine", value: 2 },
    { source: OTHER_SOURCE, target: "mapping:salesforce/Account", value: 3 },
    { source: "mapping:filesource/accounts", target: "entity:account", value: 5 },
    { source: "mapping:salesforce/Account", target: "entity:account", value: 3 },
    { source: "entity:account", target: "view:accounts", value: 7 },
  ],
};
const byId = (id: string): LineageNode => graph.nodes.find((n) => n.id === id)!;

describe("lineage nodes", () => {
  it("counts what leaves a source object, what enters the others, and a view's live rows", () => {
    const counts = Object.fromEntries(graph.nodes.map((n) => [n.id, nodeCount(graph, n)]));
    expect(counts).toEqual({
      [SOURCE]: 7, // 5 mapped + 2 held back
      [OTHER_SOURCE]: 3,
      quarantine: 2,
      "mapping:filesource/accounts": 5,
      "mapping:salesforce/Account": 3,
      "entity:account": 8,
      "view:accounts": 6, // live rows, not the link's 7 (live + tombstoned)
    });
  });

  it("falls back to the incoming link for a view without row counts", () => {
    const view: LineageNode = { id: "view:accounts", kind: "view", label: "accounts" };
    expect(nodeCount(graph, view)).toBe(7);
  });

  it("lists upstream and downstream neighbours with each link's value", () => {
    const { upstream, downstream } = neighbours(graph, byId("entity:account"));
    expect(upstream.map((n) => [n.node.id, n.value])).toEqual([["mapping:filesource/accounts", 5], ["mapping:salesforce/Account", 3]]);
    expect(downstream.map((n) => [n.node.id, n.value])).toEqual([["view:accounts", 7]]);
    const source = neighbours(graph, byId(SOURCE));
    expect(source.upstream).toEqual([]);
    expect(source.downstream.map((n) => [n.node.kind, n.value])).toEqual([["mapping", 5], ["quarantine", 2]]);
  });

  it("skips a link whose other end is not among the nodes", () => {
    const partial: LineageGraph = { nodes: [byId(SOURCE)], links: [{ source: SOURCE, target: "mapping:gone", value: 1 }] };
    expect(neighbours(partial, byId(SOURCE)).downstream).toEqual([]);
  });

  it("names a mapping node's document by system and object, and nothing for other nodes", () => {
    expect(mappingRef(byId("mapping:salesforce/Account"))).toEqual({ system: "salesforce", object: "Account" });
    expect(mappingRef(byId("entity:account"))).toBeNull();
    // a label not in `<system>/<object>` form cannot be turned into the API's path
    expect(mappingRef({ id: "mapping:x", kind: "mapping", label: "Account", system: "salesforce" })).toBeNull();
    expect(mappingRef({ id: "mapping:y", kind: "mapping", label: "salesforce/Account" })).toBeNull();
  });

  it("describes a node by kind, label, count and unit", () => {
    expect(describeNode(graph, byId(SOURCE))).toBe("Source object Files · accounts.csv: 7 records");
    expect(describeNode(graph, byId("view:accounts"))).toBe("View accounts: 6 rows");
    expect(describeNode(graph, byId("quarantine"))).toBe("Quarantine quarantine: 2 held back");
  });
});

describe("Sankey layout", () => {
  const layout = layoutSankey(graph, 900.7);
  const placed = (id: string) => layout.nodes.find((n) => n.node.id === id)!;

  it("places every node once, inside the chart, with a positive size", () => {
    expect(layout.width).toBe(900);
    expect(layout.nodes.map((n) => n.node.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const n of layout.nodes) {
      expect(n.x1).toBeGreaterThan(n.x0);
      expect(n.y1).toBeGreaterThan(n.y0);
      expect(n.x0).toBeGreaterThanOrEqual(0);
      expect(n.x1).toBeLessThanOrEqual(layout.width);
      expect(n.y0).toBeGreaterThanOrEqual(0);
      expect(n.y1).toBeLessThanOrEqual(layout.height);
    }
  });

  it("orders the columns source → mapping → entity → view, with quarantine beside the mappings", () => {
    const x = (id: string) => placed(id).x0;
    expect(x(SOURCE)).toBeLessThan(x("mapping:filesource/accounts"));
    expect(x("mapping:filesource/accounts")).toBeLessThan(x("entity:account"));
    expect(x("entity:account")).toBeLessThan(x("view:accounts"));
    expect(x("quarantine")).toBe(x("mapping:filesource/accounts"));
    // labels go right except in the last column
    expect(layout.nodes.filter((n) => !n.labelRight).map((n) => n.node.id)).toEqual(["view:accounts"]);
  });

  it("draws every link with a path and a positive width that grows with its value", () => {
    expect(layout.links).toHaveLength(graph.links.length);
    for (const l of layout.links) {
      expect(l.width).toBeGreaterThan(0);
      expect(l.path).toMatch(/^M[\d.,-]+C/);
    }
    const width = (source: string, target: string) => layout.links.find((l) => l.source === source && l.target === target)!.width;
    expect(width("entity:account", "view:accounts")).toBeGreaterThan(width(SOURCE, "quarantine"));
  });

  it("keeps a minimum width and a height for the tallest column, and leaves its input untouched", () => {
    const narrow = layoutSankey(graph, 390);
    expect(narrow.width).toBe(MIN_WIDTH);
    expect(narrow.height).toBeGreaterThanOrEqual(280);
    const tall: LineageGraph = {
      nodes: [...Array.from({ length: 8 }, (_, i): LineageNode => ({ id: `s${i}`, kind: "source_object", label: `s${i}` })), { id: "q", kind: "quarantine", label: "q" }],
      links: Array.from({ length: 8 }, (_, i) => ({ source: `s${i}`, target: "q", value: 1 })),
    };
    expect(layoutSankey(tall, 800).height).toBe(8 * 64);
    expect(Object.keys(graph.nodes[0]!)).not.toContain("x0");
    expect(typeof graph.links[0]!.source).toBe("string");
  });
});

describe("coalesce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once per window however many requests it gets, then again for requests after it ran", () => {
    const fn = vi.fn();
    const c = coalesce(fn, 500);
    c.request();
    c.request();
    vi.advanceTimersByTime(499);
    c.request();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(fn).toHaveBeenCalledTimes(1);
    c.request();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("drops a pending run on cancel, and can be requested again", () => {
    const fn = vi.fn();
    const c = coalesce(fn, 500);
    c.request();
    c.cancel();
    vi.advanceTimersByTime(1_000);
    expect(fn).not.toHaveBeenCalled();
    c.request();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
