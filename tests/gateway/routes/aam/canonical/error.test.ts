import { describe, expect, it } from "vitest";
import { signUp } from "../../../../helpers/auth";
import { expectProblem } from "../../../../helpers/http";
import { getJson } from "../../../../helpers/mappings";

const { accessToken } = await signUp();

describe("canonical schema routes: errors", () => {
  it("answer 400 for an entity the model does not have, naming the known ones", async () => {
    const problem = await expectProblem(await getJson(accessToken, "/api/v1/aam/canonical/invoice"), 400, "validation-error");
    expect(problem.errors?.[0]?.path).toBe("path.entity");
    expect(problem.errors?.[0]?.message).toContain("account");
  });

  it("answer 404 below an entity", async () => {
    await expectProblem(await getJson(accessToken, "/api/v1/aam/canonical/account/fields"), 404, "not-found");
  });
});
