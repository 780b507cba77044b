/**
 * Salesforce: the configured objects of one org over the REST API. discover() from describes (cached and revalidated),
 * read() one queryAll batch at a time from a SystemModstamp cursor (deleted rows as delete records), write() by
 * PATCH or composite create. Failures are the shared source problems (see as-problem.ts); check() reports them as
 * a health state instead.
 */
import { ProblemError } from "../../../gateway/problem";
import type { ConnectionSecrets } from "../../connections/schemas";
import type { Connector, DiscoveredField, DiscoveredObject, HealthCheck, ReadPage, WriteChange, WriteResult } from "../connector";
import { checkSource } from "../health-check";
import { problemsOf } from "./as-problem";
import { SalesforceClient } from "./client";
import { type SalesforceConfig, SalesforceConfigSchema, salesforceSettings } from "./config";
import { type DescribeCache, type SObjectDescribe, memoryDescribeCache } from "./describe";
import { SalesforceError } from "./errors";
import { fieldTypeOf, unreadTypes } from "./field-types";

const SAMPLE_LIMIT = 5;

export class Salesforce implements Connector {
  readonly system = "salesforce" as const;
  private readonly config: SalesforceConfig;
  private readonly client: SalesforceClient;

  /** `config` is the connection's stored config (validated here), `secrets` its opened secrets. */
  constructor(config: unknown, secrets: ConnectionSecrets | null, describes: DescribeCache = memoryDescribeCache(), fetcher?: typeof fetch) {
    const parsed = SalesforceConfigSchema.safeParse(config);
    if (!parsed.success) throw new ProblemError("validation-error", "The connection's config does not fit a Salesforce connection");
    this.config = parsed.data;
    this.client = new SalesforceClient(salesforceSettings(this.config, secrets), describes, fetcher);
  }

  /** Describes the first object: it proves the grant, the user's API access and the object in one call. */
  check(): Promise<HealthCheck> {
    return checkSource(() =>
      problemsOf(async () => {
        await this.describe(this.config.objects[0] as string);
        const usage = this.client.usage;
        return usage === null ? "connected" : `connected; ${usage.used} of ${usage.limit} daily API calls used`;
      }),
    );
  }

  /** Each configured object with its fields; active picklist values stand in for sample values. */
  async discover(): Promise<DiscoveredObject[]> {
    return problemsOf(async () => {
      const discovered: DiscoveredObject[] = [];
      for (const object of this.config.objects) discovered.push(discoveredOf(await this.describe(object)));
      return discovered;
    });
  }

  /**
   * One queryAll batch. Once the query is done, the next sync resumes from this batch's watermark (resume_cursor)
   * rather than re-running the last page's query.
   */
  async read(object: string, cursor: string | null): Promise<ReadPage> {
    this.assertConfigured(object);
    return problemsOf(async () => {
      const describe = await this.describe(object);
      const fields = describe.fields.filter((field) => !unreadTypes.has(field.type)).map((field) => field.name);
      const batch = await this.client.readChanges(object, fields, cursor);
      return {
        records: batch.records.map((record) => ({
          record_id: record.id,
          data: record.data,
          cursor: record.modstamp,
          ...(record.op === "delete" ? { op: "delete" as const } : {}),
        })),
        next_cursor: batch.done ? null : batch.cursor,
        ...(batch.done ? { resume_cursor: batch.cursor } : {}),
      };
    });
  }

  async write(change: WriteChange): Promise<WriteResult> {
    this.assertConfigured(change.object);
    if (change.op === "delete") {
      throw new ProblemError("method-not-allowed", "Deleting Salesforce records is not supported by write-back");
    }
    return problemsOf(async () => {
      if (change.record_id !== undefined) {
        const updated = await this.client.update(change.object, change.record_id, change.data);
        return { record_id: updated.record_id, status: updated.status };
      }
      const field = this.config.external_id_field;
      if (field !== undefined) {
        const upserted = await this.client.upsert(change.object, field, change.idempotency_key, change.data);
        return { record_id: upserted.record_id, status: upserted.status };
      }
      const [created] = await this.client.saveMany(change.object, [{ fields: change.data }]);
      if (created?.ok === true) return { record_id: created.record_id, status: created.status };
      const reasons = created?.ok === false ? created.errors.map((e) => `${e.code}: ${e.message}`).join("; ") : "no result";
      throw new ProblemError("validation-error", `Salesforce refused the ${change.object} record: ${reasons}`);
    });
  }

  /** A configured object that no longer exists (a deleted custom object, a renamed one) is schema drift. */
  private async describe(object: string): Promise<SObjectDescribe> {
    try {
      return await this.client.describe(object);
    } catch (error) {
      if (!(error instanceof SalesforceError && error.state === "not-found")) throw error;
      throw new SalesforceError("schema-drift", error.code, `The configured object ${object} does not exist in the org`, error.status);
    }
  }

  private assertConfigured(object: string): void {
    if (!this.config.objects.includes(object)) {
      throw new ProblemError("not-found", `"${object}" is not one of this connection's Salesforce objects`);
    }
  }
}

function discoveredOf(describe: SObjectDescribe): DiscoveredObject {
  return {
    object: describe.name,
    label: describe.label,
    fields: describe.fields.map((field): DiscoveredField => {
      const picklist = field.picklistValues.filter((value) => value.active).map((value) => value.value);
      return {
        name: field.name,
        label: field.label,
        type: fieldTypeOf(field.type),
        nullable: field.nillable,
        sample_values: picklist.slice(0, SAMPLE_LIMIT),
        custom: field.custom,
        ...(field.referenceTo.length > 0 ? { reference_to: field.referenceTo } : {}),
        ...(picklist.length > 0 ? { picklist_values: picklist } : {}),
      };
    }),
  };
}
