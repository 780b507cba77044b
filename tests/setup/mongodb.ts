/**
 * vitest globalSetup: the MongoDB-protocol stand-in (tests/fakes/mongodb/server.py, Debian's python3-mockupdb +
 * python3-mongomock) on a free port, one per test run; the tests get its URL through `inject("mongodb")`. The
 * server exits when its stdin closes, so it dies with this process even when the run is killed before teardown.
 * Test files share the server: each uses its own database. Nothing here skips: without the packages the run fails.
 */
import type { TestProject } from "vitest/node";
import { startMongoStandIn as start } from "../fakes/mongodb/start";

declare module "vitest" {
  export interface ProvidedContext {
    mongodb: { url: string };
  }
}

export default async function startMongoStandIn(project: TestProject): Promise<() => Promise<void>> {
  const standIn = await start();
  project.provide("mongodb", { url: standIn.url });
  return standIn.stop;
}
