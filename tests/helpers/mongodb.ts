/**
 * The MongoDB stand-in the test setup starts (tests/setup/mongodb.ts): its URL, a driver client for seeding, and
 * a MongoDb connector on it. Test files share the server, so each one names its own database.
 */
import { env } from "cloudflare:test";
import { type Document, MongoClient } from "mongodb";
import { inject } from "vitest";
import { mongoConnection } from "../../durable-objects/mongo-connection";
import { crmCollections } from "../fakes/mongodb/crm";
import { MongoDb } from "../../workers/aam/connectors/mongodb";

export const mongoUrl = inject("mongodb").url;

/** Replaces the collection's documents with `documents`, over the driver (the wire protocol). */
export async function seedCollection(database: string, collection: string, documents: Document[]): Promise<void> {
  const client = new MongoClient(mongoUrl);
  try {
    const target = client.db(database).collection(collection);
    await target.deleteMany({});
    if (documents.length > 0) await target.insertMany(documents);
  } finally {
    await client.close();
  }
}

/** The collection's documents as the server has them, sorted by _id. */
export async function collectionDocuments(database: string, collection: string): Promise<Document[]> {
  const client = new MongoClient(mongoUrl);
  try {
    return await client.db(database).collection(collection).find({}, { sort: { _id: 1 } }).toArray();
  } finally {
    await client.close();
  }
}

export function mongoConnector(config: Record<string, unknown>, connectionId = "mongodb-test", connectionString = mongoUrl): MongoDb {
  return new MongoDb(mongoConnection(env, connectionId), config, { connection_string: connectionString });
}

/** Seeds the CRM sample (tests/fakes/mongodb/crm.ts) into `database`: accounts, opportunities and contacts. */
export async function seedCrm(database: string): Promise<void> {
  for (const [collection, documents] of Object.entries(crmCollections)) await seedCollection(database, collection, documents);
}

/** Sets `fields` on the collection's documents matching `filter`, over the driver, as the source's own app would. */
export async function updateDocuments(database: string, collection: string, filter: Document, fields: Document): Promise<void> {
  const client = new MongoClient(mongoUrl);
  try {
    await client.db(database).collection(collection).updateMany(filter, { $set: fields });
  } finally {
    await client.close();
  }
}

/** Deletes the collection's documents matching `filter`, over the driver, as the source's own app would. */
export async function deleteDocuments(database: string, collection: string, filter: Document): Promise<void> {
  const client = new MongoClient(mongoUrl);
  try {
    await client.db(database).collection(collection).deleteMany(filter);
  } finally {
    await client.close();
  }
}
