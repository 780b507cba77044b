import { describe, expect, it } from "vitest";
import { MappingHistorySchema } from "../../../../../workers/gateway/routes/aam/mappings/versions";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { accountsOverride, getJson, putMapping } from "../../../../helpers/mappings";

const admin = await signUp();
const versions = async (token: string, path = "filesource/accounts") =>
  MappingHistorySchema.parse(await (await getJson(token, `/api/v1/aam/mappings/${path}/versions`)).json()).items.map((v) => v.version);

describe("mapping routes: errors", () => {
  it("answer 409 to a version that is not above the one in effect, and store nothing", async () => {
    const { accessToken } = await signUp();
    const atDefault = await expectProblem(await putMapping(accessToken, "filesource/accounts", { source: accountsOverride(1) }), 409, "conflict");
    expect(atDefault.detail).toContain("the system default (version 1)");
    expect((await putMapping(accessToken, "filesource/accounts", { source: accountsOverride(2) })).status).toBe(201);
    // a second editor who also started from the default and saves version 2
    const stale = await expectProblem(await putMapping(accessToken, "filesource/accounts", { source: accountsOverride(2, "[trim, lower]") }), 409, "conflict");
    expect(stale.detail).toContain("tenant version 2");
    expect(stale.detail).toContain("must be higher");
    expect(await versions(accessToken)).toEqual([2, 1]);
  });

  it("answer 422 with the line of each problem to an invalid document", async () => {
    const { accessToken } = await signUp();
    const source = accountsOverride(2).replace("[trim, upper]", "[trim, shout]").replace("Employees, transforms", "Employees, transfroms");
    const problem = await expectProblem(await putMapping(accessToken, "filesource/accounts", { source }), 422, "invalid-mapping");
    expect(problem.detail).toBe("The document has 2 problem(s)");
    expect(problem.errors?.map(({ file, line, path, code }) => ({ file, line, path, code }))).toEqual([
      { file: "body.source", line: 8, path: "fields.name.transforms[1]", code: "invalid_mapping" },
      { file: "body.source", line: 11, path: "fields.employee_count", code: "invalid_mapping" },
    ]);
    expect(await versions(accessToken)).toEqual([1]);
  });

  it("answer 422 with the YAML syntax error's line and column", async () => {
    const source = accountsOverride(2).replace("  currency: { const: EUR }", "   currency: { const: EUR }");
    const problem = await expectProblem(await putMapping(admin.accessToken, "filesource/accounts", { source }), 422, "invalid-mapping");
    expect(problem.errors?.[0]).toMatchObject({ file: "body.source", line: 10, column: 1, path: "", code: "invalid_mapping" });
  });

  it("answer 422 to a document for another system or object than the URL's", async () => {
    const problem = await expectProblem(await putMapping(admin.accessToken, "salesforce/Account", { source: accountsOverride(2) }), 422, "invalid-mapping");
    expect(problem.errors).toEqual([
      { file: "body.source", line: 2, column: 9, path: "system", message: "must be salesforce, as in the URL", code: "invalid_mapping" },
      { file: "body.source", line: 3, column: 9, path: "object", message: "must be Account, as in the URL", code: "invalid_mapping" },
    ]);
  });

  it("answer 400 to malformed requests", async () => {
    const put = (path: string, body: unknown) => call(`/api/v1/aam/mappings/${path}`, { method: "PUT", body, headers: bearer(admin.accessToken) });
    await expectProblem(await put("filesource/accounts", { comment: "no source" }), 400, "validation-error");
    await expectProblem(await put("filesource/accounts", { source: "x".repeat(65_537) }), 400, "validation-error");
    await expectProblem(await put("hubspot/accounts", { source: accountsOverride(2) }), 400, "validation-error");
    const samples = Array.from({ length: 101 }, () => ({}));
    const validate = await call("/api/v1/aam/mappings/validate", { body: { source: accountsOverride(2), samples }, headers: bearer(admin.accessToken) });
    expect((await expectProblem(validate, 400, "validation-error")).errors?.[0]?.path).toBe("body.samples");
    const badRef = await expectProblem(await getJson(admin.accessToken, "/api/v1/aam/mappings/filesource/accounts/diff?from=latest"), 400, "validation-error");
    expect(badRef.errors?.[0]?.path).toBe("query.from");
    await expectProblem(await getJson(admin.accessToken, "/api/v1/aam/mappings/filesource/accounts/versions/0"), 400, "validation-error");
  });

  it("answer 404 for mappings and versions that do not exist", async () => {
    const get = (path: string) => getJson(admin.accessToken, `/api/v1/aam/mappings/${path}`);
    await expectProblem(await get("filesource/nothing"), 404, "not-found");
    await expectProblem(await get("filesource/nothing/versions"), 404, "not-found");
    await expectProblem(await get("filesource/nothing/versions/current"), 404, "not-found");
    await expectProblem(await get("filesource/accounts/versions/7"), 404, "not-found");
    const diff = await expectProblem(await get("filesource/accounts/diff?from=7"), 404, "not-found");
    expect(diff.detail).toBe("filesource/accounts has no version 7");
  });
});
