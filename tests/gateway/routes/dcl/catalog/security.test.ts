import { describe, expect, it } from "vitest";
import { CatalogEntityListSchema } from "../../../../../workers/dcl/catalog/entities";
import { CatalogSourceListSchema } from "../../../../../workers/dcl/catalog/sources";
import { call, expectProblem } from "../../../../helpers/http";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { tenantWithCatalog } from "../../../../helpers/catalog";
import { viewRows } from "../../../../helpers/dcl";
import { EntityNameSchema } from "../../../../../workers/canonical/names";

const PATHS = ["/api/v1/dcl/catalog/entities", "/api/v1/dcl/catalog/sources", "/api/v1/dcl/catalog/lineage", "/api/v1/dcl/catalog/lineage/account/acc_1"];

describe("catalog access", () => {
  it.each(PATHS)("%s requires credentials and the dcl:read scope", async (path) => {
    await expectProblem(await call(path), 401, "unauthorized");
    const admin = await signUp();
    const key = (await createApiKey(admin.accessToken, ["aam:read"])).key;
    await expectProblem(await call(path, { headers: bearer(key) }), 403, "forbidden");
  });

  it("shows tenant B none of tenant A's connections, counts or rows", async () => {
    const a = await tenantWithCatalog();
    const b = await signUp();
    const asB = bearer((await createApiKey(b.accessToken, ["dcl:read"])).key);
    const get = async (path: string) => (await call(path, { headers: asB })).json();
    expect(CatalogEntityListSchema.parse(await get("/api/v1/dcl/catalog/entities")).items.map((e) => e.rows)).toEqual(
      EntityNameSchema.options.map(() => ({ live: 0, tombstoned: 0 })),
    );
    expect(CatalogSourceListSchema.parse(await get("/api/v1/dcl/catalog/sources"))).toEqual({ items: [], relationships: [] });
    expect(await get("/api/v1/dcl/catalog/lineage")).toEqual({ nodes: [], links: [] });
    const [row] = await viewRows("materialized_accounts", a.tenantId);
    await expectProblem(await call(`/api/v1/dcl/catalog/lineage/account/${row!.id}`, { headers: asB }), 404, "not-found");
    // and tenant A, with its own key, does see them
    expect((await call(`/api/v1/dcl/catalog/lineage/account/${row!.id}`, { headers: a.auth })).status).toBe(200);
  });
});
