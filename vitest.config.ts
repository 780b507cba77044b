import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { compileModule } from "svelte/compiler";
import { defineConfig, type Plugin } from "vitest/config";
import { bundleMongoDbDriver } from "./tests/setup/mongodb-driver-bundle.ts";

/**
 * The console's rune modules (`*.svelte.ts`) compiled by Svelte (server output: runes become plain values), so the
 * tests can exercise their logic; only those files, not the whole Svelte plugin, which would change module resolution.
 */
const svelteModules: Plugin = {
  name: "svelte-modules",
  transform(code, id) {
    if (!id.endsWith(".svelte.ts")) return;
    const { js } = compileModule(code, { filename: id, generate: "server" });
    return { code: js.code, map: js.map };
  },
};

export default defineConfig(async () => ({
  plugins: [
    svelteModules,
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          JWT_SECRET: "test-only-secret-0123456789abcdef0123456789abcdef",
          ENCRYPTION_KEY: "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
          TEST_MIGRATIONS: await readD1Migrations("./migrations/d1"),
        },
        // Workers AI and Vectorize have no local simulation, and Gemini is remote: the adapters' tests bind these
        // stand-ins under other names, so AI/VECTORIZE stay unset and every other test runs the offline matcher
        serviceBindings: {
          FAKE_AI: { name: "cloudflare-fakes", entrypoint: "FakeAi" },
          FAKE_VECTORIZE: { name: "cloudflare-fakes", entrypoint: "FakeVectorize" },
          FAKE_GEMINI: { name: "cloudflare-fakes", entrypoint: "FakeGemini" },
        },
        workers: [{ name: "cloudflare-fakes", modules: true, scriptPath: "./tests/fakes/cloudflare/worker.js", compatibilityDate: "2026-11-01" }],
      },
    }),
  ],
  // the driver is served bundled: the plugin's module fallback cannot load it as published (see the helper)
  // $lib: the console's own alias (app/svelte.config.js), for the console modules its tests import
  resolve: { alias: { mongodb: await bundleMongoDbDriver(import.meta.dirname), $lib: `${import.meta.dirname}/app/src/lib` } },
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["./tests/setup/apply-migrations.ts"],
    // the Neon store's tests run against a real PostgreSQL behind a WebSocket proxy, one cluster per run
    // postgrest.ts adds its database to the cluster postgres.ts starts, so it comes after it
    globalSetup: ["./tests/setup/postgres.ts", "./tests/setup/postgrest.ts", "./tests/setup/mongodb.ts", "./tests/setup/salesforce.ts"],
    // Every request writes a JSON log line; show them only for the tests that fail.
    silent: "passed-only" as const,
  },
}));
