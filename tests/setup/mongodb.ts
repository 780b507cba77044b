/**
 * vitest globalSetup: the MongoDB-protocol stand-in (tests/fakes/mongodb/server.py, Debian's python3-mockupdb +
 * python3-mongomock) on a free port, one per test run; the tests get its URL through `inject("mongodb")`. The
 * server exits when its stdin closes, so it dies with this process even when the run is killed before teardown.
 * Test files share the server: each uses its own database. Nothing here skips: without the packages the run fails.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mongodb: { url: string };
  }
}

// Debian's interpreter: the packages are installed into its dist-packages, which a pyenv or venv python3 does not see.
const PYTHON = "/usr/bin/python3";
const SERVER = "tests/fakes/mongodb/server.py";

export default async function startMongoStandIn(project: TestProject): Promise<() => Promise<void>> {
  const server = spawn(PYTHON, [SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(server, "exit");
  const stop = async () => {
    server.stdin.end();
    await exited;
  };
  const firstLine = createInterface({ input: server.stdout })[Symbol.asyncIterator]().next();
  const started = await Promise.race([firstLine, exited.then(() => null)]);
  if (started === null || started.done === true) {
    throw new Error(
      `the MongoDB stand-in did not start (${PYTHON} ${SERVER}): install the Debian packages python3-mockupdb and python3-mongomock`,
    );
  }
  project.provide("mongodb", { url: `mongodb://127.0.0.1:${Number(started.value)}/?directConnection=true` });
  return stop;
}
