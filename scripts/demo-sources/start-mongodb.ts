/**
 * The demo's MongoDB: the tests' wire-protocol stand-in (tests/fakes/mongodb/server.py on Debian's python3-mockupdb
 * and python3-mongomock) on the demo port, filled with the demo's documents through the official driver. It exits
 * when its stdin closes, so it never outlives this process.
 */
import { MongoClient } from "mongodb";
import { startMongoStandIn } from "../../tests/fakes/mongodb/start";
import { mongoDocuments } from "./mongodb-documents";
import { PORTS } from "./ports";

export const MONGODB_DATABASE = "crm";

export interface DemoMongoDb {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startMongoDb(): Promise<DemoMongoDb> {
  const { url: connectionString, stop } = await startMongoStandIn(PORTS.mongodb);
  const client = new MongoClient(connectionString);
  try {
    const db = client.db(MONGODB_DATABASE);
    for (const [collection, documents] of Object.entries(mongoDocuments())) await db.collection(collection).insertMany(documents);
  } catch (err) {
    await stop();
    throw err;
  } finally {
    await client.close();
  }
  return { connectionString, stop };
}
