import { describe, expect, it } from "vitest";
import { RelationshipListSchema } from "../../../../../workers/gateway/routes/dcl/relationships";
import { accountEvent, append, contactEvent, materialize } from "../../../../helpers/dcl";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { db } from "../../../../helpers/pipeline";
import { forTenant } from "../../../../../workers/platform/db";

describe("GET /api/v1/dcl/relationships", () => {
  it("reports an extras field whose values are another connection's account ids, and not a field below the coverage", async () => {
    const user = await signUp();
    const t = user.tenantId;
    const crm = { connection_id: "con_crm", object: "companies" };
    const mongo = { connection_id: "con_mongo", object: "people" };
    await materialize(
      t,
      await append(forTenant(db, t), [
        ...["1", "2", "3", "4"].map((id) => accountEvent(t, id, {}, crm)),
        // companyId: 4 of 5 match (0.8); ownerRef: 2 of 5
        ...["1", "2", "3", "4", "99"].map((id, i) => contactEvent(t, `P-${i}`, { extras: { companyId: Number(id), ownerRef: i < 2 ? id : "x" } }, mongo)),
      ]),
    );
    const res = await call("/api/v1/dcl/relationships", { headers: bearer(user.accessToken) });
    expect(res.status).toBe(200);
    expect(RelationshipListSchema.parse(await res.json()).items).toEqual([
      { from: { connection_id: "con_mongo", object: "people", field: "extras.companyId" }, to: { connection_id: "con_crm", object: "companies" }, coverage: 0.8, matched: 4, total: 5 },
    ]);
  });
});
