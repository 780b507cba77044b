import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";

const owner = await signUp();
const auth = bearer(owner.accessToken);

describe("sync run routes: invalid requests", () => {
  it("answers 404 for a run that does not exist", async () => {
    await expectProblem(await call("/api/v1/aam/runs/run_000000000000000000000000", { headers: auth }), 404, "not-found");
  });

  it.each([
    ["a cursor this API did not issue", "cursor=not-a-cursor", "query.cursor"],
    ["a cursor of the wrong shape", `cursor=${btoa(JSON.stringify({ at: "x" }))}`, "query.cursor"],
    ["a zero limit", "limit=0", "query.limit"],
    ["a limit over 200", "limit=201", "query.limit"],
  ])("refuses %s", async (_, query, path) => {
    const problem = await expectProblem(await call(`/api/v1/aam/runs?${query}`, { headers: auth }), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual([path]);
  });

  it("requires authentication", async () => {
    await expectProblem(await call("/api/v1/aam/runs"), 401, "unauthorized");
    await expectProblem(await call("/api/v1/aam/runs/run_000000000000000000000000"), 401, "unauthorized");
  });
});
