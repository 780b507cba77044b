import { describe, expect, it } from "vitest";
import { createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantWithAccounts } from "../../../../helpers/views";

const t = await tenantWithAccounts("err");
const problem = async (query: string) => expectProblem(await call(`/api/v1/dcl/views/accounts?${query}`, { headers: t.auth }), 400, "validation-error");

describe("GET /api/v1/dcl/views/{entity} errors", () => {
  it("rejects an unknown entity", async () => {
    await expectProblem(await call("/api/v1/dcl/views/users", { headers: t.auth }), 400, "validation-error");
  });

  it("reports every bad parameter at its own path", async () => {
    const body = await problem("filter[nope]=1&filter[annual_revenue][gte]=lots&filter[name][between]=a&sort=-nope&fields=name,nope");
    expect(body.errors?.map((e) => e.path).sort()).toEqual(
      ["query.fields", "query.filter[annual_revenue][gte]", "query.filter[name][between]", "query.filter[nope]", "query.sort"].sort(),
    );
  });

  it("rejects operators that do not fit the field", async () => {
    expect((await problem("filter[annual_revenue][contains]=1")).errors?.[0]?.code).toBe("invalid_operator");
    expect((await problem("filter[deleted][gt]=true")).errors?.[0]?.code).toBe("invalid_operator");
    expect((await problem("filter[extras]=x")).errors?.[0]?.code).toBe("unknown_field");
    await problem("filter[website][is_null]=maybe");
    await problem(`filter[industry][in]=${Array.from({ length: 101 }, (_, i) => i).join(",")}`);
  });

  it("rejects a bad limit and a cursor reused under another sort", async () => {
    await problem("limit=0");
    await problem("limit=501");
    const first = await (await call("/api/v1/dcl/views/accounts?limit=1&sort=name", { headers: t.auth })).json<{ next_cursor: string }>();
    const body = await problem(`limit=1&sort=-name&cursor=${first.next_cursor}`);
    expect(body.errors?.[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
  });

  it("requires a credential and the dcl:read scope", async () => {
    await expectProblem(await call("/api/v1/dcl/views/accounts"), 401, "unauthorized");
    const key = await createApiKey(t.accessToken, ["aam:read"]);
    await expectProblem(await call("/api/v1/dcl/views/accounts", { headers: { authorization: `Bearer ${key.key}` } }), 403, "forbidden");
  });
});
