import { describe, expect, it } from "vitest";
import { CatalogEntityListSchema } from "../../../../../workers/dcl/catalog/entities";
import { CatalogSourceListSchema } from "../../../../../workers/dcl/catalog/sources";
import { call, expectProblem } from "../../../../helpers/http";
import { bearer, signUp } from "../../../../helpers/auth";
import { createConnection } from "../../../../helpers/connections";
import { EntityNameSchema } from "../../../../../workers/canonical/names";

const fresh = await signUp();
const auth = bearer(fresh.accessToken);

describe("the catalog of a tenant with no data", () => {
  it("lists the entities with zero rows, a connection without objects, and an empty graph", async () => {
    const connection = await createConnection(fresh.accessToken, { name: "empty" });
    const entities = CatalogEntityListSchema.parse(await (await call("/api/v1/dcl/catalog/entities", { headers: auth })).json());
    expect(entities.items.map((e) => e.rows)).toEqual(EntityNameSchema.options.map(() => ({ live: 0, tombstoned: 0 })));
    const sources = CatalogSourceListSchema.parse(await (await call("/api/v1/dcl/catalog/sources", { headers: auth })).json());
    expect(sources).toEqual({ items: [{ id: connection.id, name: "empty", system: "filesource", status: "active", objects: [] }], relationships: [] });
    expect(await (await call("/api/v1/dcl/catalog/lineage", { headers: auth })).json()).toEqual({ nodes: [], links: [] });
  });
});

describe("GET /api/v1/dcl/catalog/lineage/{entity}/{id}", () => {
  it("is 404 for a row that does not exist", async () => {
    await expectProblem(await call("/api/v1/dcl/catalog/lineage/account/acc_missing", { headers: auth }), 404, "not-found");
  });

  it("rejects an unknown entity", async () => {
    await expectProblem(await call("/api/v1/dcl/catalog/lineage/accounts/acc_1", { headers: auth }), 400, "validation-error");
  });

  it("treats injection in the id as a plain (missing) id", async () => {
    await expectProblem(await call(`/api/v1/dcl/catalog/lineage/account/${encodeURIComponent("x' OR '1'='1")}`, { headers: auth }), 404, "not-found");
  });
});
