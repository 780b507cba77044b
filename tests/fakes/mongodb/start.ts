/**
 * Starts the MongoDB-protocol stand-in (server.py, on Debian's python3-mockupdb + python3-mongomock) and resolves
 * once it listens. It exits when its stdin closes, so it dies with the process that started it, even one killed
 * before its teardown. Used by the tests' globalSetup (a free port) and by `npm run demo:sources` (a fixed one).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

// Debian's interpreter: the packages are installed into its dist-packages, which a pyenv or venv python3 does not see.
const PYTHON = "/usr/bin/python3";
const SERVER = new URL("./server.py", import.meta.url).pathname;

export interface MongoStandIn {
  /** a connection string for the official driver */
  url: string;
  stop(): Promise<void>;
}

/** `port` omitted: the stand-in picks a free one. */
export async function startMongoStandIn(port?: number): Promise<MongoStandIn> {
  const server = spawn(PYTHON, [SERVER, ...(port === undefined ? [] : [String(port)])], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(server, "exit").catch(() => undefined);
  const stop = async () => {
    server.stdin.end();
    await exited;
  };
  const firstLine = createInterface({ input: server.stdout })[Symbol.asyncIterator]().next();
  const started = await Promise.race([firstLine, exited.then(() => null)]);
  if (started === null || started.done === true) {
    throw new Error(
      `the MongoDB stand-in did not start (${PYTHON} ${SERVER}${port === undefined ? "" : ` ${port}`}): install the Debian packages ` +
        "python3-mockupdb and python3-mongomock (apt-get install -y python3-mockupdb python3-mongomock)" +
        (port === undefined ? "" : ", or free the port"),
    );
  }
  return { url: `mongodb://127.0.0.1:${Number(started.value)}/?directConnection=true`, stop };
}
