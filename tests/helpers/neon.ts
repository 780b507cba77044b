/** The Worker's bindings with the Neon store selected: the tests' PostgreSQL (tests/setup/postgres.ts). */
import { env } from "cloudflare:test";
import { inject } from "vitest";
import type { Env } from "../../workers/env";

// wrangler.toml types DCL_STORE as its literal "d1"; the Worker reads any configured value through dclStoreOf
export const neonEnv = (): Env => ({ ...env, ...inject("neon"), DCL_STORE: "neon" }) as unknown as Env;
