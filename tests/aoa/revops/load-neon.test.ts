import { neonEnv } from "../../helpers/neon";
import { describeLoader } from "./load.contract";

// the real PostgreSQL started by tests/setup/postgres.ts, reached from workerd through its WebSocket proxy
describeLoader("Neon", () => ({ env: neonEnv() }));
