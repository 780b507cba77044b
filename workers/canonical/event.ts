/**
 * The CanonicalEvent envelope (spec: canonical-model.md § CanonicalEvent): who and what (meta), where from
 * (source), and the entity's data. A discriminated union on `entity`, so `data` is typed by entity.
 */
import { z } from "@hono/zod-openapi";
import { AccountSchema } from "./account";
import { ContactSchema } from "./contact";
import { CostSchema } from "./cost";
import { IsoDateTimeUtcSchema } from "./fields";
import { EntityNameSchema, SourceSystemSchema } from "./names";
import { OpportunitySchema } from "./opportunity";

export const CANONICAL_SCHEMA_VERSION = 1;

export const EventMetaSchema = z
  .object({
    version: z.literal(CANONICAL_SCHEMA_VERSION).meta({ description: "The canonical schema version" }),
    tenant_id: z.string().min(1).meta({ description: "The tenant the record belongs to" }),
    trace_id: z.string().min(1).meta({ description: "The trace of the sync or ingest that produced the event" }),
    event_id: z.string().min(1).meta({ description: "Unique and deterministic per source change, so replays deduplicate" }),
    emitted_at: IsoDateTimeUtcSchema.meta({ description: "When the pipeline emitted the event (UTC)" }),
    mapping_version: z
      .string()
      .min(1)
      .openapi({ example: "salesforce/Account@3#9f2c61d0a4b7" })
      .meta({ description: "The mapping (and its version) that produced `data`" }),
    op: z.enum(["upsert", "delete"]).meta({ description: "Whether the source record was created/changed or deleted" }),
  })
  .strict()
  .openapi("CanonicalEventMeta");

export const EventSourceSchema = z
  .object({
    system: SourceSystemSchema,
    connection_id: z.string().min(1).meta({ description: "The connection the record was read through" }),
    object: z.string().min(1).meta({ description: "The source's object, table, collection or file" }),
    record_id: z.string().min(1).meta({ description: "The record's id in the source object" }),
    cursor: z.string().meta({ description: "The source position the record came from" }),
  })
  .strict()
  .openapi("CanonicalEventSource");

const envelope = { meta: EventMetaSchema, source: EventSourceSchema };

export const AccountEventSchema = z
  .object({ ...envelope, entity: z.literal("account"), data: AccountSchema })
  .strict()
  .openapi("AccountEvent");
export const OpportunityEventSchema = z
  .object({ ...envelope, entity: z.literal("opportunity"), data: OpportunitySchema })
  .strict()
  .openapi("OpportunityEvent");
export const ContactEventSchema = z
  .object({ ...envelope, entity: z.literal("contact"), data: ContactSchema })
  .strict()
  .openapi("ContactEvent");
export const CostEventSchema = z
  .object({ ...envelope, entity: z.literal("cost"), data: CostSchema })
  .strict()
  .openapi("CostEvent");

export const CanonicalEventSchema = z
  .discriminatedUnion("entity", [AccountEventSchema, OpportunityEventSchema, ContactEventSchema, CostEventSchema])
  .openapi("CanonicalEvent");
export type CanonicalEvent = z.infer<typeof CanonicalEventSchema>;

/**
 * The same envelope (the very meta and source schemas above, just as strict) with `data` taken as already valid:
 * for the pipeline, whose compiled mappings validate `data` with the schema of the entity the event names
 * (workers/aam/mapping/compile.ts), so each record is validated once. An event passing both conforms to
 * CanonicalEventSchema.
 */
export const EventEnvelopeSchema = z.object({ ...envelope, entity: EntityNameSchema, data: z.unknown() }).strict();
export type EventMeta = z.infer<typeof EventMetaSchema>;
export type EventSource = z.infer<typeof EventSourceSchema>;
