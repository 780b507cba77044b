import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          JWT_SECRET: "test-only-secret-0123456789abcdef0123456789abcdef",
          ENCRYPTION_KEY: "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
          TEST_MIGRATIONS: await readD1Migrations("./migrations/d1"),
        },
      },
    }),
  ],
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["./tests/setup/apply-migrations.ts"],
    // the Neon store's tests run against a real PostgreSQL behind a WebSocket proxy, one cluster per run
    globalSetup: ["./tests/setup/postgres.ts"],
    // Every request writes a JSON log line; show them only for the tests that fail.
    silent: "passed-only" as const,
  },
}));
