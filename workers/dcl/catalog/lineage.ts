/**
 * GET /api/v1/dcl/catalog/lineage: the graph behind the console's Sankey, from the catalog's aggregate counts.
 *
 *   source_object ──events──▶ mapping ──events──▶ entity ──rows──▶ view
 *   source_object ──held back──▶ quarantine
 *
 * A mapping node is one mapping document (`<system>/<object>` of its mapping_version) with its versions
 * aggregated and listed on the node: a Sankey with a band per version hash would split every flow whenever a
 * mapping is edited. A source object's outgoing event links sum to its events in the stream (what its runs
 * emitted); an entity's link to its view carries the view's rows (live + tombstoned: several source records can
 * become one unified account, so rows and events differ).
 */
import { z } from "@hono/zod-openapi";
import { type EntityName, EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import { compareText } from "../materialize/record-key";
import { ViewNameSchema } from "../query/catalog";
import { RowCountsSchema, VIEW_OF } from "./entities";
import { MappingUseSchema, sourceObjects } from "./source-objects";
import type { CatalogStore } from "./store";

export const LineageNodeSchema = z
  .object({
    id: z.string().openapi({ example: "mapping:filesource/accounts" }),
    kind: z.enum(["source_object", "mapping", "entity", "view", "quarantine"]),
    label: z.string(),
    connection_id: z.string().optional(),
    system: SourceSystemSchema.optional(),
    object: z.string().optional(),
    entity: EntityNameSchema.optional(),
    view: ViewNameSchema.optional(),
    mapping_versions: z.array(MappingUseSchema).optional().openapi({ description: "mapping nodes: the versions aggregated into the node" }),
    rows: RowCountsSchema.optional().openapi({ description: "view nodes: the view's rows" }),
  })
  .openapi("DclLineageNode");
export type LineageNode = z.infer<typeof LineageNodeSchema>;

export const LineageLinkSchema = z
  .object({ source: z.string(), target: z.string(), value: z.number().int().positive() })
  .openapi("DclLineageLink", { description: "`source` and `target` are node ids; `value` counts events (or, into a view, rows)" });
export type LineageLink = z.infer<typeof LineageLinkSchema>;

export const LineageGraphSchema = z.object({ nodes: z.array(LineageNodeSchema), links: z.array(LineageLinkSchema) }).openapi("DclLineageGraph");
export type LineageGraph = z.infer<typeof LineageGraphSchema>;

/** `salesforce/Account@3#ab12…` → `salesforce/Account` (a version string not in that form is its own document). */
const documentOf = (mappingVersion: string) => mappingVersion.split("@")[0]!;

const QUARANTINE: LineageNode = { id: "quarantine", kind: "quarantine", label: "quarantine" };

export async function lineageGraph(store: CatalogStore): Promise<LineageGraph> {
  const stream = await store.streamObjects();
  const objects = sourceObjects(stream, await store.heldBack());
  const names = new Map((await store.connections()).map((c) => [c.id, c.name]));
  const rows = await store.viewRowCounts();

  const nodes = new Map<string, LineageNode>();
  const links = new Map<string, LineageLink>();
  /** the node with n's id, added as n if there is none yet */
  const node = (n: LineageNode) => {
    const found = nodes.get(n.id);
    if (found !== undefined) return found;
    nodes.set(n.id, n);
    return n;
  };
  const link = (source: string, target: string, value: number) => {
    if (value === 0) return;
    const key = JSON.stringify([source, target]);
    const found = links.get(key);
    if (found === undefined) links.set(key, { source, target, value });
    else found.value += value;
  };
  const sourceId = (connectionId: string, object: string) => `source:${JSON.stringify([connectionId, object])}`;
  const entityNode = (entity: EntityName) => node({ id: `entity:${entity}`, kind: "entity", label: entity, entity });

  for (const o of objects) {
    node({ id: sourceId(o.connection_id, o.object), kind: "source_object", label: `${names.get(o.connection_id) ?? o.connection_id} · ${o.object}`, connection_id: o.connection_id, system: o.system, object: o.object });
    if (o.quarantined > 0) node({ ...QUARANTINE });
    link(sourceId(o.connection_id, o.object), QUARANTINE.id, o.quarantined);
  }
  for (const r of stream) {
    const document = documentOf(r.mappingVersion);
    const mapping = node({ id: `mapping:${document}`, kind: "mapping", label: document, system: r.system, mapping_versions: [] });
    const use = mapping.mapping_versions!.find((v) => v.mapping_version === r.mappingVersion);
    if (use === undefined) mapping.mapping_versions!.push({ mapping_version: r.mappingVersion, events: r.events });
    else use.events += r.events;
    link(sourceId(r.connectionId, r.object), mapping.id, r.events);
    link(mapping.id, entityNode(r.entity).id, r.events);
  }
  for (const entity of EntityNameSchema.options) {
    const total = rows[entity].live + rows[entity].tombstoned;
    if (total === 0) continue;
    const view = node({ id: `view:${VIEW_OF[entity]}`, kind: "view", label: VIEW_OF[entity], view: VIEW_OF[entity], entity, rows: rows[entity] });
    link(entityNode(entity).id, view.id, total);
  }
  for (const n of nodes.values()) n.mapping_versions?.sort((a, b) => compareText(a.mapping_version, b.mapping_version));
  return { nodes: [...nodes.values()], links: [...links.values()] };
}
