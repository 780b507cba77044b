import { describe, expect, it } from "vitest";
import { createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { getJson } from "../../../../helpers/mappings";

const admin = await signUp();

describe("canonical schema routes: access", () => {
  it("require credentials", async () => {
    await expectProblem(await call("/api/v1/aam/canonical"), 401, "unauthorized");
    await expectProblem(await call("/api/v1/aam/canonical/account"), 401, "unauthorized");
  });

  it("require the aam:read scope", async () => {
    const { key: other } = await createApiKey(admin.accessToken, ["dcl:read"]);
    const { key: reader } = await createApiKey(admin.accessToken, ["aam:read"]);
    await expectProblem(await getJson(other, "/api/v1/aam/canonical"), 403, "forbidden");
    await expectProblem(await getJson(other, "/api/v1/aam/canonical/contact"), 403, "forbidden");
    expect((await getJson(reader, "/api/v1/aam/canonical/contact")).status).toBe(200);
  });
});
