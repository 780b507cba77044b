import { describe, expect, it } from "vitest";
import { accountEvent, append, contactEvent, materialize } from "../../../../helpers/dcl";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { db } from "../../../../helpers/pipeline";
import { forTenant } from "../../../../../workers/platform/db";

describe("GET /api/v1/dcl/relationships access", () => {
  it("requires credentials and the dcl:read scope", async () => {
    await expectProblem(await call("/api/v1/dcl/relationships"), 401, "unauthorized");
    const admin = await signUp();
    const key = (await createApiKey(admin.accessToken, ["aam:read"])).key;
    await expectProblem(await call("/api/v1/dcl/relationships", { headers: bearer(key) }), 403, "forbidden");
  });

  it("shows a tenant only its own source objects", async () => {
    const [a, b] = [await signUp(), await signUp()];
    await materialize(
      a.tenantId,
      await append(forTenant(db, a.tenantId), [
        ...["1", "2", "3"].map((id) => accountEvent(a.tenantId, id, {})),
        ...["1", "2", "3"].map((id) => contactEvent(a.tenantId, `C-${id}`, { account_id: id })),
      ]),
    );
    const own = await call("/api/v1/dcl/relationships", { headers: bearer(a.accessToken) });
    expect(((await own.json()) as { items: unknown[] }).items).toHaveLength(1);
    const other = await call("/api/v1/dcl/relationships", { headers: bearer(b.accessToken) });
    expect(await other.json()).toEqual({ items: [] });
  });
});
