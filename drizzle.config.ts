import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./workers/platform/db/schema.ts", "./workers/platform/db/aoa-actions-schema.ts", "./workers/platform/db/aoa-runs-schema.ts"],
  out: "./migrations/d1",
});
