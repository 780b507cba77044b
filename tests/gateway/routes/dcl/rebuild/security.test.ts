import { describe, expect, it } from "vitest";
import { accountEvent, append, materialize, viewHash, viewRows } from "../../../../helpers/dcl";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { db } from "../../../../helpers/pipeline";
import { forTenant } from "../../../../../workers/platform/db";

describe("POST /api/v1/dcl/rebuild access", () => {
  it("requires credentials", async () => {
    await expectProblem(await call("/api/v1/dcl/rebuild", { method: "POST" }), 401, "unauthorized");
  });

  it("is refused to API keys, even with every scope", async () => {
    const admin = await signUp();
    const key = (await createApiKey(admin.accessToken, ["dcl:read", "dcl:write"])).key;
    await expectProblem(await call("/api/v1/dcl/rebuild", { method: "POST", headers: bearer(key) }), 403, "forbidden");
  });

  it("rebuilds only the caller's tenant", async () => {
    const [a, b] = [await signUp(), await signUp()];
    await materialize(a.tenantId, await append(forTenant(db, a.tenantId), [accountEvent(a.tenantId, "A-1", {})]));
    const before = await viewHash(a.tenantId);
    const res = await call("/api/v1/dcl/rebuild", { method: "POST", headers: bearer(b.accessToken) });
    expect(await res.json()).toEqual({ events: 0, rows: { account: 0, opportunity: 0, contact: 0, cost: 0 } });
    expect(await viewHash(a.tenantId)).toBe(before);
    expect(await viewRows("materialized_accounts", a.tenantId)).toHaveLength(1);
  });
});
