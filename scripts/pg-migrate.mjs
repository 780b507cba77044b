// `npm run db:migrate:pg`: applies migrations/pg to the Postgres at DATABASE_URL (the Neon store; a deploy step
// when DCL_STORE = "neon"). The test setup runs it against its throwaway cluster, with NEON_WS_PROXY set to the
// plain-ws proxy in front of it (the same switch as workers/platform/db/pg.ts).
import { Pool, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import { migrate } from "drizzle-orm/neon-serverless/migrator";
import { fileURLToPath } from "node:url";

const url = process.env.DATABASE_URL;
if (url === undefined || url === "") {
  console.error("DATABASE_URL is not set: the Postgres connection string to migrate");
  process.exit(1);
}
const proxy = process.env.NEON_WS_PROXY;
if (proxy !== undefined && proxy !== "") {
  neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

const pool = new Pool({ connectionString: url });
pool.on("error", () => {}); // idle sockets report their close after end(); a failing migration rejects below
try {
  await migrate(drizzle({ client: pool }), { migrationsFolder: fileURLToPath(new URL("../migrations/pg", import.meta.url)) });
  console.log("› Postgres migrations applied");
} finally {
  await pool.end();
}
