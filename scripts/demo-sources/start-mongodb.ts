/**
 * The demo's MongoDB: the tests' wire-protocol stand-in (tests/fakes/mongodb/server.py on Debian's python3-mockupdb
 * and python3-mongomock) on the demo port, filled with the demo's documents through the official driver. It exits
 * when its stdin closes, so it never outlives this process.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { MongoClient } from "mongodb";
import { mongoDocuments } from "./mongodb-documents";
import { PORTS } from "./ports";

// Debian's interpreter: the packages are in its dist-packages, which a pyenv or venv python3 does not see
const PYTHON = "/usr/bin/python3";
const SERVER = new URL("../../tests/fakes/mongodb/server.py", import.meta.url).pathname;
export const MONGODB_DATABASE = "crm";

export interface DemoMongoDb {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startMongoDb(): Promise<DemoMongoDb> {
  const server = spawn(PYTHON, [SERVER, String(PORTS.mongodb)], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(server, "exit").catch(() => undefined);
  const stop = async () => {
    server.stdin.end();
    await exited;
  };
  const firstLine = createInterface({ input: server.stdout })[Symbol.asyncIterator]().next();
  const started = await Promise.race([firstLine, exited.then(() => null)]);
  if (started === null || started.done === true) {
    throw new Error(
      `the MongoDB stand-in did not start (${PYTHON} ${SERVER} ${PORTS.mongodb}): install the Debian packages python3-mockupdb and ` +
        "python3-mongomock (apt-get install -y python3-mockupdb python3-mongomock), or free the port",
    );
  }
  const connectionString = `mongodb://127.0.0.1:${PORTS.mongodb}/?directConnection=true`;
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
