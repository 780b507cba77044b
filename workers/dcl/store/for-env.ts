/** Which store holds the canonical stream and the DCL views: DCL_STORE ("d1" by default, or "neon"). */
import { z } from "@hono/zod-openapi";
import type { Env } from "../../env";
import type { PgConfig } from "../../platform/db/pg";
import { d1StreamStore } from "./d1-stream-store";
import { neonStreamStore } from "./neon-stream-store";
import type { StreamStore } from "./stream-store";

export const DclStoreSchema = z.enum(["d1", "neon"]);
export type DclStore = z.infer<typeof DclStoreSchema>;

export type StoreEnv = Pick<Env, "DB" | "DATABASE_URL" | "NEON_WS_PROXY"> & { DCL_STORE?: string };

export function dclStoreOf(env: Pick<StoreEnv, "DCL_STORE">): DclStore {
  const parsed = DclStoreSchema.safeParse(env.DCL_STORE ?? "d1");
  if (!parsed.success) throw new Error(`DCL_STORE must be "d1" or "neon", not ${JSON.stringify(env.DCL_STORE)}`);
  return parsed.data;
}

/** The Neon store's connection; a configuration error (not a request's) when DATABASE_URL is missing. */
export function pgConfigOf(env: StoreEnv): PgConfig {
  if (env.DATABASE_URL === undefined) throw new Error('DCL_STORE = "neon" needs the DATABASE_URL secret');
  return { DATABASE_URL: env.DATABASE_URL, NEON_WS_PROXY: env.NEON_WS_PROXY };
}

export function streamStoreFor(env: StoreEnv): StreamStore {
  return dclStoreOf(env) === "neon" ? neonStreamStore(pgConfigOf(env)) : d1StreamStore(env.DB);
}
