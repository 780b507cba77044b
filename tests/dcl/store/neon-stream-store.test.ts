import { env } from "cloudflare:test";
import { inject } from "vitest";
import { streamStoreFor } from "../../../workers/dcl/store/for-env";
import { newId } from "../../../workers/platform/ids";
import { describeStreamStore } from "./stream-store.contract";

// The real PostgreSQL started by tests/setup/postgres.ts, reached from workerd through its WebSocket proxy.
describeStreamStore("Neon", () => ({
  store: streamStoreFor({ ...env, DCL_STORE: "neon", ...inject("neon") }),
  newTenant: async () => newId("ten"), // tenants live in D1; the Postgres tables only carry the id
}));
