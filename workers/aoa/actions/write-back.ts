/**
 * Writing canonical changes back to the source records a view row came from. Planning resolves the row (the
 * tenant's, live), its source records, the mapping in effect for each (the tenant's override or the bundled one)
 * and its reverse (workers/aam/mapping/reverse.ts): each requested field goes to every live source whose mapping can
 * write it, in the source's form; a field no source can take refuses the whole change (422, per field, with every
 * source's reason), and the sources left out are reported. Executing writes each source record through its
 * connector's own `write`. A source that refuses keeps its message (Salesforce's, PostgREST's) in the problem, and a
 * source failure (bad credentials, drift…) is recorded as the connection's source state, as a check would.
 */
import { z } from "@hono/zod-openapi";
import { entitySchemas } from "../../canonical/entities";
import { type EntityName, EntityNameSchema, SourceSystemSchema } from "../../canonical/names";
import type { Env } from "../../env";
import { ProblemError, type FieldIssue } from "../../gateway/problem";
import { connectorFor } from "../../aam/connections/factory";
import { getConnection } from "../../aam/connections/registry";
import { recordSourceChecked } from "../../aam/connections/sync-state";
import { sourceStateOf } from "../../aam/connectors/source-state";
import { ValueError, describe } from "../../aam/mapping/errors";
import type { RegisteredMapping } from "../../aam/mapping/registry";
import { reverseMapping } from "../../aam/mapping/reverse";
import { tenantMappings } from "../../aam/pipeline/tenant-mappings";
import { withViewStore } from "../../dcl/materialize/for-env";
import { recordKeyOf } from "../../dcl/materialize/record-key";
import type { TenantScope } from "../../platform/db";
import type { ViewSource } from "../../platform/db/schema";

const SourceRecordSchema = z.object({
  system: SourceSystemSchema,
  connection_id: z.string(),
  object: z.string(),
  record_id: z.string(),
});

export const WriteBackPlanSchema = z
  .object({
    target: z.object({ entity: EntityNameSchema, id: z.string() }),
    writes: z.array(
      SourceRecordSchema.extend({
        mapping: z.object({
          id: z.string().openapi({ example: "salesforce/Opportunity" }),
          version: z.number().int(),
          mapping_version: z.string().openapi({ example: "salesforce/Opportunity@2#0123456789ab" }),
        }),
        /** source field → value in the source's form: exactly what the connector is given */
        data: z.record(z.string(), z.unknown()),
        fields: z.array(z.object({ field: z.string(), source_field: z.string(), value: z.unknown(), source_value: z.unknown() })),
      }),
    ),
    skipped: z
      .array(SourceRecordSchema.extend({ reasons: z.array(z.object({ field: z.string().nullable(), reason: z.string() })) }))
      .openapi({ description: "The row's source records left out, with why (read-only, deleted, no mapping, a field it cannot write)" }),
  })
  .openapi("WriteBackPlan");
export type WriteBackPlan = z.infer<typeof WriteBackPlanSchema>;

export const WriteBackResultSchema = z
  .object({
    target: z.object({ entity: EntityNameSchema, id: z.string() }),
    results: z.array(SourceRecordSchema.extend({ status: z.enum(["created", "updated", "deleted"]) })),
    skipped: WriteBackPlanSchema.shape.skipped,
  })
  .openapi("WriteBackResult");
export type WriteBackResult = z.infer<typeof WriteBackResultSchema>;

type Write = WriteBackPlan["writes"][number];
type Skipped = WriteBackPlan["skipped"][number];
type Reason = Skipped["reasons"][number];

/** Canonical fields that stay the platform's or the source's own, whatever the mapping says. */
const NOT_WRITTEN: Record<string, string> = {
  source_id: "it is the source's own id for the record",
  extras: "it collects the source fields no mapping reads",
  account_id: "the account is resolved across sources by the DCL",
  created_at: "the source stamps it",
  updated_at: "the source stamps it on every change",
};

export async function planWriteBack(
  env: Env,
  scope: TenantScope,
  target: { entity: EntityName; id: string },
  fields: Record<string, unknown>,
): Promise<WriteBackPlan> {
  const requested = Object.entries(fields);
  if (requested.length === 0) throw new ProblemError("validation-error", "Name at least one field to write back");
  const { sources, live } = await liveSources(env, scope, target);
  const issues = canonicalIssues(target.entity, requested);
  if (issues.length > 0) throw notWritable(`Some fields cannot be written to ${target.entity} ${target.id}`, issues);

  const registry = await tenantMappings(scope);
  const writes: Write[] = [];
  const skipped: Skipped[] = [];
  const reasonsOf = new Map<string, string[]>(requested.map(([field]) => [field, []]));
  for (const source of sources) {
    const where = `${source.system} ${source.object} ${source.record_id}`;
    const whole = await unusable(scope, source, live);
    const mapping = registry.get(source.system, source.object);
    if (whole !== undefined || mapping === undefined) {
      const reason = whole ?? `no mapping reads ${source.system} ${source.object}`;
      skipped.push({ ...source, reasons: [{ field: null, reason }] });
      for (const list of reasonsOf.values()) list.push(`${where}: ${reason}`);
      continue;
    }
    const { write, refused } = sourceWrite(source, mapping, requested);
    if (write !== undefined) writes.push(write);
    if (refused.length > 0) skipped.push({ ...source, reasons: refused });
    for (const { field, reason: why } of refused) reasonsOf.get(field!)!.push(`${where}: ${why}`);
  }
  const written = new Set(writes.flatMap((w) => w.fields.map((f) => f.field)));
  const unwritten = [...reasonsOf].filter(([field]) => !written.has(field));
  if (unwritten.length > 0) {
    throw notWritable(
      `Some fields cannot be written back to any source of ${target.entity} ${target.id}`,
      unwritten.map(([field, reasons]) => issue(field, reasons.length === 0 ? "the row has no source records" : reasons.join("; "))),
    );
  }
  return { target, writes, skipped };
}

export async function executeWriteBack(env: Env, scope: TenantScope, plan: WriteBackPlan, idempotencyKey: string): Promise<WriteBackResult> {
  const results: WriteBackResult["results"] = [];
  for (const write of plan.writes) {
    // Read through the tenant's scope: a plan naming another tenant's connection finds nothing and writes nothing.
    const connection = await getConnection(scope, write.connection_id);
    const source = { system: write.system, connection_id: write.connection_id, object: write.object, record_id: write.record_id };
    try {
      const connector = await connectorFor(connection, env);
      const result = await connector.write({
        object: write.object,
        op: "upsert",
        record_id: write.record_id,
        data: write.data,
        idempotency_key: `${idempotencyKey}:${write.connection_id}:${write.record_id}`,
      });
      results.push({ ...source, status: result.status });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const state = sourceStateOf(error);
      if (state !== undefined) await recordSourceChecked(scope, connection.id, state, new Date());
      const done = results.length === 0 ? "" : ` (already written: ${results.map((r) => `${r.system} ${r.object} ${r.record_id}`).join(", ")})`;
      throw new ProblemError(error.kind, `Writing ${write.system} ${write.object} ${write.record_id} failed: ${error.detail ?? error.message}${done}`, error.extras);
    }
  }
  return { target: plan.target, results, skipped: plan.skipped };
}

/** The tenant's live view row's source records, and which of them are live (an account's members may be deleted). */
async function liveSources(env: Env, scope: TenantScope, target: { entity: EntityName; id: string }) {
  return withViewStore(env, scope.tenantId, async (store) => {
    const [row] = await store.rows(target.entity, [target.id]);
    if (row === undefined || row.deleted) throw new ProblemError("not-found", `No ${target.entity} ${target.id}`);
    const records = await store.records(row.sources.map(recordKeyOf));
    return { sources: row.sources, live: new Set(records.filter((r) => r.op === "upsert").map((r) => r.recordKey)) };
  });
}

/** Why a source record takes no write at all, or undefined when it can take some. */
async function unusable(scope: TenantScope, source: ViewSource, live: Set<string>): Promise<string | undefined> {
  if (source.system === "filesource") return "FileSource connections are read-only: files are not written back";
  if (!live.has(recordKeyOf(source))) return "the source record is deleted";
  try {
    await getConnection(scope, source.connection_id);
    return undefined;
  } catch (error) {
    if (error instanceof ProblemError && error.kind === "not-found") return "its connection no longer exists";
    throw error;
  }
}

/** The fields `mapping` can write to this source record, in the source's form, and the others with their reasons. */
function sourceWrite(source: ViewSource, mapping: RegisteredMapping, requested: [string, unknown][]): { write: Write | undefined; refused: Reason[] } {
  const reverse = reverseMapping(mapping.document);
  const pairs: Write["fields"] = [];
  const refused: Reason[] = [];
  for (const [field, value] of requested) {
    const reversal = reverse.fields[field];
    const writeBackPath = reverse.writeBack[field];
    if (writeBackPath !== undefined) {
      pairs.push({ field, source_field: writeBackPath, value, source_value: value });
    } else if (reversal === undefined) {
      const kind = Object.hasOwn(entitySchemas[mapping.entity].shape, field) ? "does not map" : "has no write_back for";
      refused.push({ field, reason: `the mapping ${mapping.mapping_version} ${kind} ${field}` });
    } else if (!reversal.writable) {
      refused.push({ field, reason: `not writable: ${reversal.reason}` });
    } else {
      try {
        pairs.push({ field, source_field: reversal.path, value, source_value: reversal.toSource(value) });
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        refused.push({ field, reason: error.message });
      }
    }
  }
  // Two fields read from one source field (a stage and the status mapped from it) must agree on its value.
  const data: Record<string, unknown> = {};
  const kept = pairs.filter((pair) => {
    const other = pairs.find((p) => p.source_field === pair.source_field && p.source_value !== pair.source_value);
    if (other !== undefined) refused.push({ field: pair.field, reason: `${other.field} writes ${pair.source_field} as ${describe(other.source_value)}` });
    else data[pair.source_field] = pair.source_value;
    return other === undefined;
  });
  if (kept.length === 0) return { write: undefined, refused };
  const write: Write = {
    ...source,
    mapping: { id: `${mapping.system}/${mapping.object}`, version: mapping.version, mapping_version: mapping.mapping_version },
    data,
    fields: kept,
  };
  return { write, refused };
}

/** Values checked against the entity's canonical schema, and fields kept out of write-back by nature. */
function canonicalIssues(entity: EntityName, requested: [string, unknown][]): FieldIssue[] {
  const shape: Record<string, z.ZodType> = entitySchemas[entity].shape;
  return requested.flatMap(([field, value]): FieldIssue[] => {
    const fixed = NOT_WRITTEN[field];
    if (fixed !== undefined) return [issue(field, `${field} is not written back: ${fixed}`)];
    const schema = shape[field];
    if (schema === undefined) {
      // a write_back output: a scalar as the agent produced it
      const scalar = value === null || ["string", "number", "boolean"].includes(typeof value);
      return scalar ? [] : [issue(field, `a write_back value is a string, number, boolean or null, got ${describe(value)}`)];
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => issue(field, i.message));
  });
}

const issue = (field: string, message: string): FieldIssue => ({ path: `fields.${field}`, message, code: "not_writable" });

const notWritable = (detail: string, errors: FieldIssue[]) => new ProblemError("not-writable", detail, { errors });
