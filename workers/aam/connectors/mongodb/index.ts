/**
 * MongoDB: a database's collections through the official driver, which runs in the connection's Durable Object
 * (MongoConnection) so its pool stays warm between pages. Reads are incremental by (cursor field, _id) and resume
 * with a lookback; discovery samples documents; deletes are found by id reconciliation (`existing`); write-back is
 * `updateOne` by `_id`, a create an upsert on an `_id` derived from its idempotency key.
 */
import { ProblemError } from "../../../gateway/problem";
import type { MongoConnection } from "../../../../durable-objects/mongo-connection";
import { type MongoAnswer, parseDocuments } from "../../../../durable-objects/mongo-connection/queries";
import type { Connector, DiscoveredObject, HealthCheck, ReadPage, WriteChange, WriteResult } from "../connector";
import { checkSource } from "../health-check";
import { sourceProblem } from "../source-state";
import { type MongoDbSettings, mongoDbSettings } from "./config";
import { decodeCursor } from "./cursor";
import { discoverCollection } from "./discover-collection";
import { readCollectionPage } from "./read-page";
import { idCandidates, plainJson, recordIdOf } from "./records";
import { createdDocumentId } from "./write-ids";

export class MongoDb implements Connector {
  readonly system = "mongodb" as const;
  private readonly settings: MongoDbSettings;

  /** `config` is the connection's stored config and `secrets` its opened secrets; both are validated here. */
  constructor(
    private readonly connection: DurableObjectStub<MongoConnection>,
    config: unknown,
    secrets: unknown,
  ) {
    this.settings = mongoDbSettings(config, secrets);
  }

  /**
   * Listing the database's collections needs a reachable server, valid credentials and a role on the database
   * (a ping needs none of the last two); a configured collection that is not there is schema drift.
   */
  check(): Promise<HealthCheck> {
    return checkSource(async () => {
      const { database, collections: configured } = this.settings;
      const listed = await this.collectionNames();
      const missing = (configured ?? []).filter((collection) => !listed.includes(collection));
      if (missing.length > 0) throw sourceProblem("schema-drift", `The database ${database} has no collection ${missing.join(", ")}`);
      return `${listed.length} collections visible in ${database}`;
    });
  }

  async discover(): Promise<DiscoveredObject[]> {
    const { database, sample_size: size } = this.settings;
    const collections = this.settings.collections ?? (await this.collectionNames());
    const discovered: DiscoveredObject[] = [];
    // one collection at a time: a database with many collections must not sample them all at once
    for (const collection of collections) {
      const sample = await this.connection.aggregate(this.url, { database, collection, pipeline: [{ $sample: { size } }] });
      discovered.push(discoverCollection(collection, parseDocuments(answered(sample))));
    }
    return discovered;
  }

  // async: a bad cursor rejects like every other failure of a read rather than throwing synchronously
  async read(object: string, cursor: string | null): Promise<ReadPage> {
    const { database, cursor_field: field, page_size: pageSize, lookback_seconds: lookback } = this.settings;
    const collection = this.collectionOf(object);
    const find = async (filter: Record<string, unknown>, sort: Record<string, 1>, limit: number) =>
      parseDocuments(answered(await this.connection.find(this.url, { database, collection, filter, sort, limit })));
    const page = await readCollectionPage(find, { cursor: cursor === null ? null : decodeCursor(cursor), field, pageSize, lookbackMs: lookback * 1000 });
    // a dropped collection reads as empty: only an empty page asks whether it is still there
    if (page.records.length === 0) await this.requireCollection(collection);
    return page;
  }

  /** Which of the record ids still name a document: one `find` on `_id` (every type an id may stand for). */
  async existing(object: string, recordIds: string[]): Promise<Set<string>> {
    const collection = this.collectionOf(object);
    const filter = { _id: { $in: recordIds.flatMap(idCandidates) } };
    const found = parseDocuments(
      answered(await this.connection.find(this.url, { database: this.settings.database, collection, filter, projection: { _id: 1 } })),
    );
    const ids = new Set(found.map((document) => recordIdOf(plainJson(document)._id)));
    // none found may mean the collection was dropped: that is drift to report, never every record deleted
    if (ids.size === 0 && recordIds.length > 0) await this.requireCollection(collection);
    return new Set(recordIds.filter((id) => ids.has(id)));
  }

  /**
   * Sets the change's fields on the document with its `_id`. A change without a record id is a create: an upsert
   * on the `_id` its idempotency key derives, so a retried create updates the document the first one made.
   */
  async write(change: WriteChange): Promise<WriteResult> {
    if (change.op !== "upsert") throw new ProblemError("method-not-allowed", "MongoDB write-back creates and updates documents; it does not delete");
    // a document's _id is immutable: setting it would fail the whole update
    const { _id: immutable, ...fields } = change.data;
    const creating = change.record_id === undefined;
    const id = change.record_id ?? (await createdDocumentId(change.idempotency_key));
    const result = answered(
      await this.connection.updateOne(this.url, {
        database: this.settings.database,
        collection: this.collectionOf(change.object),
        filter: { _id: creating ? { $oid: id } : { $in: idCandidates(id) } },
        update: { $set: fields },
        upsert: creating,
      }),
    );
    if (result.matched === 0 && !result.upserted) throw new ProblemError("not-found", `There is no document ${id} in ${change.object}`);
    return { record_id: id, status: result.upserted ? "created" : "updated" };
  }

  private get url(): string {
    return this.settings.connection_string;
  }

  private async collectionNames(): Promise<string[]> {
    return answered(await this.connection.collections(this.url, this.settings.database));
  }

  private async requireCollection(collection: string): Promise<void> {
    const { database } = this.settings;
    if (!answered(await this.connection.collectionExists(this.url, { database, collection }))) {
      throw sourceProblem("schema-drift", `The collection ${collection} is no longer in the database ${database}`);
    }
  }

  /** Only the configured collections are readable or writable when the config names them. */
  private collectionOf(object: string): string {
    const { collections } = this.settings;
    if (object === "" || (collections !== undefined && !collections.includes(object))) {
      throw new ProblemError("not-found", `"${object}" is not a collection of this connection`);
    }
    return object;
  }
}

/** A MongoConnection answer's value, or its source failure thrown as the state's problem. */
function answered<T>(answer: MongoAnswer<T>): T {
  if (answer.ok) return answer.value;
  throw sourceProblem(answer.state, answer.detail);
}
