/**
 * The server's instructions to the client's LLM: how the tenant's data is organised and how the tools fit together.
 * The entity list is read off the canonical model, so it names exactly the entities, views and fields that exist.
 */
import { EntityNameSchema } from "../../canonical/names";
import { entityFields } from "../../canonical/entities";
import { VIEW_OF } from "../../dcl/catalog/entities";

const entities = EntityNameSchema.options.map((entity) => `- ${entity} (view \`${VIEW_OF[entity]}\`): ${entityFields(entity).join(", ")}`);

export const MCP_INSTRUCTIONS = [
  "AutonomOS unifies one company's business data (its tenant) from many source systems (CRMs, databases, files, " +
    "cloud cost exports) into canonical entities. Each entity has a view: one row per real-world record, merged " +
    "across sources, with `id`, the canonical fields, `extras` (source fields without a canonical home), `sources` " +
    "(where it came from) and `deleted` (true once every source deleted it). You only ever see this tenant's data.",
  "Entities, their views and canonical fields:",
  ...entities,
  "Read with list_views (fields, types, meanings, row counts), query_view (filters, grouping, aggregates over one " +
    "view) and get_entity (one row with its lineage). The agents' results are in list_findings. To change anything, " +
    "propose_action: the tenant's policy decides whether it runs or waits for a person's approval. Errors come back " +
    "as tool errors naming the failing fields; fix those and retry.",
].join("\n");
