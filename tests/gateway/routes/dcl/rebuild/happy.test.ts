import { afterAll, describe, expect, it, vi } from "vitest";
import { RebuildResultSchema } from "../../../../../workers/gateway/routes/dcl/rebuild";
import { accountEvent, append, materialize, opportunityEvent, viewHash } from "../../../../helpers/dcl";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { db } from "../../../../helpers/pipeline";
import { forTenant } from "../../../../../workers/platform/db";

afterAll(() => vi.restoreAllMocks());

describe("POST /api/v1/dcl/rebuild", () => {
  it("recomputes the caller's views from the stream, byte-identical, and returns the counts", async () => {
    const admin = await signUp();
    const scope = forTenant(db, admin.tenantId);
    const t = admin.tenantId;
    await materialize(t, await append(scope, [accountEvent(t, "A-1", {}), opportunityEvent(t, "D-1", { account_id: "A-1" }), opportunityEvent(t, "D-2", {})]));
    const before = await viewHash(t);
    const res = await call("/api/v1/dcl/rebuild", { method: "POST", headers: bearer(admin.accessToken) });
    expect(res.status).toBe(200);
    expect(RebuildResultSchema.parse(await res.json())).toEqual({ events: 3, rows: { account: 1, opportunity: 2, contact: 0, cost: 0 } });
    expect(await viewHash(t)).toBe(before);
  });
});
