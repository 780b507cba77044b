/**
 * The configured store's ViewStore for one tenant (DCL_STORE, see store/for-env.ts). A Postgres connection lives
 * only as long as one piece of work (Workers cannot keep sockets across requests), so the store is lent to `work`
 * rather than returned.
 */
import { database, forTenant } from "../../platform/db";
import { withPg } from "../../platform/db/pg";
import { forPgTenant } from "../../platform/db/pg-scope";
import { dclStoreOf, pgConfigOf, type StoreEnv } from "../store/for-env";
import { d1ViewStore } from "./d1-view-store";
import { neonViewStore } from "./neon-view-store";
import type { ViewStore } from "./store";

export function withViewStore<T>(env: StoreEnv, tenantId: string, work: (store: ViewStore) => Promise<T>): Promise<T> {
  if (dclStoreOf(env) === "neon") return withPg(pgConfigOf(env), (db) => work(neonViewStore(forPgTenant(db, tenantId))));
  return work(d1ViewStore(forTenant(database(env.DB), tenantId)));
}
