/**
 * MongoConnection: one Durable Object per MongoDB connection, holding the official driver's MongoClient so its
 * connection pool stays warm between sync steps (a Worker invocation would reconnect — TCP, handshake, auth — on
 * every page). The connection string comes with every call rather than being stored here: it is a secret the
 * caller decrypts, and a changed one (rotated credentials) replaces the client.
 */
import { DurableObject } from "cloudflare:workers";
import { BSON, type Document, MongoClient } from "mongodb";
import type { Env } from "../../workers/env";
import { mongoFailureOf } from "./failures";
import {
  type AggregateQuery,
  AggregateQuerySchema,
  type Collection,
  CollectionSchema,
  type EjsonDocument,
  type FindQuery,
  FindQuerySchema,
  type MongoAnswer,
  type UpdateOne,
  type UpdateOneResult,
  UpdateOneSchema,
} from "./queries";

const SERVER_SELECTION_TIMEOUT_MS = 5_000;
const OWN_SELECTION_TIMEOUT = /[?&]serverSelectionTimeoutMS=/i;

const toEjsonText = (documents: Document[]): string => BSON.EJSON.stringify(documents, { relaxed: false });
const fromEjson = (document: EjsonDocument): Document => BSON.EJSON.deserialize(document, { relaxed: false });

export class MongoConnection extends DurableObject<Env> {
  private open: { url: string; client: MongoClient } | undefined;

  async collections(url: string, database: string): Promise<MongoAnswer<string[]>> {
    return answer(async () => {
      const listed = await this.client(url).db(database).listCollections({}, { nameOnly: true }).toArray();
      return listed.map((collection) => collection.name);
    });
  }

  /** Whether the collection exists: a read of a dropped one finds nothing rather than failing. */
  async collectionExists(url: string, target: Collection): Promise<MongoAnswer<boolean>> {
    const { database, collection } = CollectionSchema.parse(target);
    return answer(async () => (await this.client(url).db(database).listCollections({ name: collection }, { nameOnly: true }).toArray()).length > 0);
  }

  /** The documents as canonical Extended JSON text (`parseDocuments` reads it). */
  async find(url: string, query: FindQuery): Promise<MongoAnswer<string>> {
    const { database, collection, filter, sort, limit, projection } = FindQuerySchema.parse(query);
    return answer(async () =>
      toEjsonText(await this.client(url).db(database).collection(collection).find(fromEjson(filter), { sort, limit, projection }).toArray()),
    );
  }

  async aggregate(url: string, query: AggregateQuery): Promise<MongoAnswer<string>> {
    const { database, collection, pipeline } = AggregateQuerySchema.parse(query);
    return answer(async () => toEjsonText(await this.client(url).db(database).collection(collection).aggregate(pipeline.map(fromEjson)).toArray()));
  }

  async updateOne(url: string, change: UpdateOne): Promise<MongoAnswer<UpdateOneResult>> {
    const { database, collection, filter, update, upsert } = UpdateOneSchema.parse(change);
    return answer(async () => {
      const result = await this.client(url).db(database).collection(collection).updateOne(fromEjson(filter), fromEjson(update), { upsert });
      return { matched: result.matchedCount, modified: result.modifiedCount, upserted: result.upsertedCount > 0 };
    });
  }

  private client(url: string): MongoClient {
    if (this.open?.url === url) return this.open.client;
    // the old pool closes in the background: its in-flight calls finish, nothing new reaches it
    void this.open?.client.close();
    // the driver would wait 30 s for an unreachable server; a connection string that sets its own wait keeps it
    const options = OWN_SELECTION_TIMEOUT.test(url) ? {} : { serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS };
    this.open = { url, client: new MongoClient(url, options) };
    return this.open.client;
  }
}

/** The connection's object: one per connection, so each keeps its own pool. */
export function mongoConnection(env: Pick<Env, "MONGO_CONNECTION">, connectionId: string): DurableObjectStub<MongoConnection> {
  const ns = env.MONGO_CONNECTION as DurableObjectNamespace<MongoConnection>;
  return ns.get(ns.idFromName(connectionId));
}

/** The work's value, or the source failure its error stands for; any other error is a bug and stays thrown. */
async function answer<T>(work: () => Promise<T>): Promise<MongoAnswer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const failure = mongoFailureOf(error);
    if (failure === undefined) throw error;
    return { ok: false, ...failure };
  }
}
