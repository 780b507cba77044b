import { describe, expect, it } from "vitest";
import { RepairPageSchema } from "../../../../../workers/gateway/routes/aam/repairs/list";
import { getRepair } from "../../../../../workers/aam/repair/store";
import { bearer, createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { tenantScope } from "../../../../helpers/normalize";
import { accountRepair, REPAIRS } from "./helpers";

const a = await tenantScope();
const b = await tenantScope();

describe("repair routes' tenant isolation and scopes", () => {
  it("tenant B neither sees nor decides tenant A's repairs", async () => {
    const pending = await accountRepair(a.scope, false);
    const applied = await accountRepair(a.scope, true);
    const asB = bearer(b.accessToken);
    const listed = RepairPageSchema.parse(await (await call(REPAIRS, { headers: asB })).json());
    expect(listed.items).toEqual([]);
    await expectProblem(await call(`${REPAIRS}/${pending.id}`, { headers: asB }), 404, "not-found");
    for (const action of ["approve", "reject"]) await expectProblem(await call(`${REPAIRS}/${pending.id}/${action}`, { method: "POST", headers: asB }), 404, "not-found");
    await expectProblem(await call(`${REPAIRS}/${applied.id}/rollback`, { method: "POST", headers: asB }), 404, "not-found");
    expect(await getRepair(a.scope, pending.id)).toMatchObject({ status: "pending" });
    expect(await getRepair(a.scope, applied.id)).toMatchObject({ status: "applied" });
  });

  it("reading needs aam:read, deciding aam:write; no credentials is 401", async () => {
    const pending = await accountRepair(a.scope, false);
    const member = bearer(await memberToken(a.scope.tenantId));
    expect((await call(`${REPAIRS}/${pending.id}`, { headers: member })).status).toBe(200);
    await expectProblem(await call(`${REPAIRS}/${pending.id}/approve`, { method: "POST", headers: member }), 403, "forbidden");
    const writer = await createApiKey(a.accessToken, ["aam:write"]);
    await expectProblem(await call(REPAIRS, { headers: bearer(writer.key) }), 403, "forbidden");
    await expectProblem(await call(REPAIRS), 401, "unauthorized");
    await expectProblem(await call(`${REPAIRS}/${pending.id}/reject`, { method: "POST" }), 401, "unauthorized");
    expect(await getRepair(a.scope, pending.id)).toMatchObject({ status: "pending" });
  });
});
