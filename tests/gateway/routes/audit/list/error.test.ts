import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { expectProblem, call } from "../../../../helpers/http";

describe("GET /api/v1/audit: invalid requests", () => {
  it.each([
    ["limit", "?limit=0"],
    ["limit", "?limit=201"],
    ["limit", "?limit=ten"],
    ["cursor", "?cursor=not-a-cursor"],
    ["cursor", `?cursor=${btoa("audit:0")}`],
    ["status", "?status=abc"],
    ["status", "?status=99"],
  ])("rejects an invalid %s (%s) with a field issue", async (field, query) => {
    const owner = await signUp();
    const problem = await expectProblem(await call(`/api/v1/audit${query}`, { headers: bearer(owner.accessToken) }), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual([`query.${field}`]);
  });

  it("requires credentials", async () => {
    await expectProblem(await call("/api/v1/audit"), 401, "unauthorized");
  });
});
