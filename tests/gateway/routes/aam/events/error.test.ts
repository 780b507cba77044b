import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";

const owner = await signUp();

describe("GET /api/v1/aam/events: invalid requests", () => {
  it.each([
    ["an unknown entity", "entity=lead", "query.entity"],
    ["a negative position", "after=-1", "query.after"],
    ["a position that is not a number", "after=abc", "query.after"],
    ["a fractional position", "after=1.5", "query.after"],
    ["a zero limit", "limit=0", "query.limit"],
  ])("refuses %s", async (_, query, path) => {
    const problem = await expectProblem(await call(`/api/v1/aam/events?${query}`, { headers: bearer(owner.accessToken) }), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual([path]);
  });

  it("requires authentication", async () => {
    await expectProblem(await call("/api/v1/aam/events"), 401, "unauthorized");
  });
});
