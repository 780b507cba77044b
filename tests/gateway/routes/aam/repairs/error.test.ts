import { describe, expect, it } from "vitest";
import { getRepair } from "../../../../../workers/aam/repair/store";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { accountRepair, REPAIRS } from "./helpers";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const post = (path: string) => call(path, { method: "POST", headers: auth });

describe("repair routes' errors", () => {
  it("404 for a repair that does not exist", async () => {
    await expectProblem(await call(`${REPAIRS}/rep_missing`, { headers: auth }), 404, "not-found");
    await expectProblem(await post(`${REPAIRS}/rep_missing/approve`), 404, "not-found");
  });

  it("409 for approving or rejecting a repair that is not pending, and rolling back one that is not applied", async () => {
    const applied = await accountRepair(scope, true);
    await expectProblem(await post(`${REPAIRS}/${applied.id}/approve`), 409, "conflict");
    await expectProblem(await post(`${REPAIRS}/${applied.id}/reject`), 409, "conflict");
    const pending = await accountRepair(scope, false);
    await expectProblem(await post(`${REPAIRS}/${pending.id}/rollback`), 409, "conflict");
  });

  it("409 for rolling back a repair twice", async () => {
    const applied = await accountRepair(scope, true);
    await post(`${REPAIRS}/${applied.id}/rollback`);
    await expectProblem(await post(`${REPAIRS}/${applied.id}/rollback`), 409, "conflict");
  });

  it("400 for an override of a change the repair does not have, or one that changes nothing", async () => {
    const pending = await accountRepair(scope, false);
    await expectProblem(await call(`${REPAIRS}/${pending.id}/approve`, { headers: auth, body: { overrides: [{ change: 3, from: "X" }] } }), 400, "validation-error");
    await expectProblem(await call(`${REPAIRS}/${pending.id}/approve`, { headers: auth, body: { overrides: [{ change: 0 }] } }), 400, "validation-error");
  });

  it("422 for an override that makes the mapping invalid; the repair stays pending", async () => {
    const pending = await accountRepair(scope, false);
    const problem = await expectProblem(
      await call(`${REPAIRS}/${pending.id}/approve`, { headers: auth, body: { overrides: [{ change: 0, target: "revenue_total" }] } }),
      422,
      "invalid-mapping",
    );
    expect(problem.errors?.[0]?.message).toContain('"revenue_total" is not a field of account');
    expect(await getRepair(scope, pending.id)).toMatchObject({ status: "pending" });
  });

  it("400 for bad list filters and a cursor this API did not issue", async () => {
    await expectProblem(await call(`${REPAIRS}?status=done`, { headers: auth }), 400, "validation-error");
    await expectProblem(await call(`${REPAIRS}?cursor=nonsense`, { headers: auth }), 400, "validation-error");
    await expectProblem(await call(`${REPAIRS}?limit=0`, { headers: auth }), 400, "validation-error");
  });
});
