import { defineConfig } from "drizzle-kit";

// The Neon (Postgres) store's schema; the D1 one is drizzle.config.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./workers/platform/db/pg-schema.ts",
  out: "./migrations/pg",
});
