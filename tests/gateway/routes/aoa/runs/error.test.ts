import { describe, expect, it } from "vitest";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { RUNS } from "../agents/helpers";

const headers = bearer((await tenantScope()).accessToken);
const fieldsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path).sort();

describe("run routes' refusals", () => {
  it("404 for a run that does not exist", async () => {
    const problem = await expectProblem(await call(`${RUNS}/arn_missing`, { headers }), 404, "not-found");
    expect(problem.detail).toContain("arn_missing");
  });

  it("400 per field for an unknown agent, a limit out of range and a cursor this API did not issue", async () => {
    const problem = await expectProblem(await call(`${RUNS}?agent=salesops&limit=0&cursor=not-a-cursor`, { headers }), 400, "validation-error");
    expect(fieldsOf(problem)).toEqual(["query.agent", "query.cursor", "query.limit"]);
    expect(fieldsOf(await expectProblem(await call(`${RUNS}?limit=201`, { headers }), 400, "validation-error"))).toEqual(["query.limit"]);
  });
});
