import { describeQueryStore } from "./query-store.contract";
import { neonEnv } from "../../helpers/neon";

// The real PostgreSQL started by tests/setup/postgres.ts, reached from workerd through its WebSocket proxy.
describeQueryStore("Neon", () => ({ env: neonEnv() }));
