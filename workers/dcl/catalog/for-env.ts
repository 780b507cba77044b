/**
 * The configured store's CatalogStore for one tenant (DCL_STORE, see store/for-env.ts), lent to `work` with the
 * ViewStore of the same store (the sources listing infers relationships from it) as materialize/for-env.ts does:
 * a Postgres connection lives only as long as one piece of work, and both stores share it.
 */
import { database, forTenant } from "../../platform/db";
import { withPg } from "../../platform/db/pg";
import { forPgTenant } from "../../platform/db/pg-scope";
import { d1ViewStore } from "../materialize/d1-view-store";
import { neonViewStore } from "../materialize/neon-view-store";
import type { ViewStore } from "../materialize/store";
import { dclStoreOf, pgConfigOf, type StoreEnv } from "../store/for-env";
import { d1CatalogStore } from "./d1-catalog-store";
import { neonCatalogStore } from "./neon-catalog-store";
import type { CatalogStore } from "./store";

export function withCatalogStore<T>(env: StoreEnv, tenantId: string, work: (catalog: CatalogStore, views: ViewStore) => Promise<T>): Promise<T> {
  const d1 = forTenant(database(env.DB), tenantId);
  if (dclStoreOf(env) === "neon") {
    return withPg(pgConfigOf(env), (db) => {
      const pg = forPgTenant(db, tenantId);
      return work(neonCatalogStore(pg, d1), neonViewStore(pg));
    });
  }
  return work(d1CatalogStore(d1), d1ViewStore(d1));
}
