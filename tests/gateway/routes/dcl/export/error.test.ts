import { describe, it } from "vitest";
import { createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("xe");

describe("GET /api/v1/dcl/export/{entity} errors", () => {
  it("rejects unknown entities and formats", async () => {
    await expectProblem(await call("/api/v1/dcl/export/users", { headers: t.auth }), 400, "validation-error");
    await expectProblem(await call("/api/v1/dcl/export/accounts?format=csv", { headers: t.auth }), 400, "validation-error");
    await expectProblem(await call("/api/v1/dcl/export/accounts?include_deleted=yes", { headers: t.auth }), 400, "validation-error");
  });

  it("requires a credential with dcl:read", async () => {
    await expectProblem(await call("/api/v1/dcl/export/accounts"), 401, "unauthorized");
    const key = await createApiKey(t.accessToken, ["audit:read"]);
    await expectProblem(await call("/api/v1/dcl/export/accounts", { headers: { authorization: `Bearer ${key.key}` } }), 403, "forbidden");
  });
});
