import { describe, expect, it } from "vitest";
import { MappingDiffSchema } from "../../../../../workers/gateway/routes/aam/mappings/diff";
import { MappingListSchema } from "../../../../../workers/gateway/routes/aam/mappings/list";
import { MappingSchema, MappingVersionDetailSchema, MappingVersionSchema } from "../../../../../workers/gateway/routes/aam/mappings/schemas";
import { MappingValidationSchema } from "../../../../../workers/gateway/routes/aam/mappings/validate";
import { MappingHistorySchema } from "../../../../../workers/gateway/routes/aam/mappings/versions";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { accountsOverride, getJson, putMapping } from "../../../../helpers/mappings";

const admin = await signUp();
const get = async (path: string) => {
  const res = await getJson(admin.accessToken, `/api/v1/aam/mappings${path}`);
  expect(res.status).toBe(200);
  return res.json();
};

describe("mapping routes", () => {
  it("list the system defaults for a tenant without overrides", async () => {
    const { items } = MappingListSchema.parse(await get(""));
    expect(items).toContainEqual(expect.objectContaining({ system: "salesforce", object: "Account", entity: "account", version: 1, origin: "system", updated_at: null }));
    expect(items.every((i) => i.origin === "system")).toBe(true);
  });

  it("save an override as a new version that the list, the mapping and its history then show", async () => {
    const source = accountsOverride(2);
    const res = await putMapping(admin.accessToken, "filesource/accounts", { source, comment: "shout the names" });
    expect(res.status).toBe(201);
    const saved = MappingVersionSchema.parse(await res.json());
    expect(saved).toMatchObject({ system: "filesource", object: "accounts", version: 2, origin: "tenant", author: admin.userId, comment: "shout the names" });
    expect(saved.mapping_version).toMatch(/^filesource\/accounts@2#[0-9a-f]{12}$/);

    const { items } = MappingListSchema.parse(await get(""));
    expect(items.find((i) => i.object === "accounts")).toEqual({ ...saved, updated_at: saved.created_at, author: undefined, comment: undefined, created_at: undefined });

    const mapping = MappingSchema.parse(await get("/filesource/accounts"));
    expect(mapping.source).toBe(source);
    expect(mapping.fields).toContainEqual({ field: "name", source: "Company Name", transforms: ["trim", "upper"], default: null });
    expect(mapping.fields).toContainEqual({ field: "currency", source: "const", transforms: [], default: null });

    const version = MappingVersionDetailSchema.parse(await get("/filesource/accounts/versions/2"));
    expect(version).toEqual({ ...saved, source });
  });

  it("show the history newest first, the system default last, and any version's source", async () => {
    const token = (await signUp()).accessToken;
    for (const [version, comment] of [[2, "one"], [3, "two"]] as const) {
      expect((await putMapping(token, "filesource/accounts", { source: accountsOverride(version), comment })).status).toBe(201);
    }
    const history = MappingHistorySchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions")).json());
    expect(history.items.map((v) => [v.version, v.origin, v.comment])).toEqual([[3, "tenant", "two"], [2, "tenant", "one"], [1, "system", null]]);
    const system = MappingVersionDetailSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions/system")).json());
    expect(system).toMatchObject({ origin: "system", version: 1, author: null, created_at: null });
    expect(system.source).toMatch(/^# Accounts exported from a legacy European CRM/);
    const current = MappingVersionDetailSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions/current")).json());
    expect(current.source).toBe(accountsOverride(3));
  });

  it("diff two versions: a unified patch and the fields that changed", async () => {
    const token = (await signUp()).accessToken;
    await putMapping(token, "filesource/accounts", { source: accountsOverride(2) });
    await putMapping(token, "filesource/accounts", { source: accountsOverride(3, "[trim, lower]") });
    const diff = MappingDiffSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/diff?from=2")).json());
    expect([diff.from.version, diff.to.version]).toEqual([2, 3]);
    const lines = diff.patch.split("\n");
    expect(lines).toEqual(expect.arrayContaining(["--- filesource/accounts@2 (tenant)", "+++ filesource/accounts@3 (tenant)", "-version: 2", "+version: 3"]));
    expect(lines).toContain("-  name: { from: Company Name, transforms: [trim, upper] }");
    expect(lines).toContain("+  name: { from: Company Name, transforms: [trim, lower] }");
    expect(diff.fields).toEqual({
      added: [],
      removed: [],
      changed: [{ field: "name", before: { from: "Company Name", transforms: ["trim", "upper"] }, after: { from: "Company Name", transforms: ["trim", "lower"] } }],
    });

    const fromSystem = MappingDiffSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/diff?from=system&to=2")).json());
    expect(fromSystem.from.origin).toBe("system");
    expect(fromSystem.fields.removed.map((f) => f.field)).toEqual(expect.arrayContaining(["industry", "website", "phone"]));
    expect(fromSystem.fields.added).toEqual([]);
  });

  it("roll back by saving an earlier version's source with a bumped version", async () => {
    const token = (await signUp()).accessToken;
    await putMapping(token, "filesource/accounts", { source: accountsOverride(2) });
    await putMapping(token, "filesource/accounts", { source: accountsOverride(3, "[trim, lower]") });
    const old = MappingVersionDetailSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions/2")).json());
    const res = await putMapping(token, "filesource/accounts", { source: old.source.replace("version: 2", "version: 4"), comment: "roll back to 2" });
    expect(res.status).toBe(201);
    const diff = MappingDiffSchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/diff?from=2&to=current")).json());
    expect(diff.to.version).toBe(4);
    expect(diff.fields).toEqual({ added: [], removed: [], changed: [] });
  });

  it("save an override of an object without a system default", async () => {
    const token = (await signUp()).accessToken;
    const res = await putMapping(token, "filesource/leads", { source: accountsOverride(1).replace("object: accounts", "object: leads") });
    expect(res.status).toBe(201);
    const { items } = MappingListSchema.parse(await (await getJson(token, "/api/v1/aam/mappings")).json());
    expect(items).toContainEqual(expect.objectContaining({ system: "filesource", object: "leads", version: 1, origin: "tenant" }));
    const history = MappingHistorySchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/leads/versions")).json());
    expect(history.items.map((v) => v.origin)).toEqual(["tenant"]);
  });

  it("run a PUT once per Idempotency-Key, replaying the first response", async () => {
    const token = (await signUp()).accessToken;
    const headers = { "idempotency-key": `put-${crypto.randomUUID()}` };
    const first = await putMapping(token, "filesource/accounts", { source: accountsOverride(2) }, headers);
    const second = await putMapping(token, "filesource/accounts", { source: accountsOverride(2) }, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    const history = MappingHistorySchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions")).json());
    expect(history.items.map((v) => v.version)).toEqual([2, 1]);
  });

  it("validate a document and preview it on samples, storing nothing", async () => {
    const samples = [{ "Account No": "A-1", "Company Name": " Acme ", Employees: "1.200" }, { "Company Name": "No id" }, { "Account No": "A-3", "Company Name": "x", Employees: "many" }];
    const token = (await signUp()).accessToken;
    const res = await call("/api/v1/aam/mappings/validate", { body: { source: accountsOverride(2), samples }, headers: bearer(token) });
    expect(res.status).toBe(200);
    const verdict = MappingValidationSchema.parse(await res.json());
    if (!verdict.valid) throw new Error("expected a valid document");
    expect(verdict).toMatchObject({ system: "filesource", object: "accounts", entity: "account" });
    expect(verdict.mapping_version).toMatch(/^filesource\/accounts@2#/);
    expect(verdict.preview?.[0]).toMatchObject({ ok: true, record_id: "A-1", data: { name: "ACME", employee_count: 1200, extras: {} } });
    expect(verdict.preview?.[1]).toMatchObject({ ok: false, record_id: null, errors: [expect.objectContaining({ field: "source_id" })] });
    expect(verdict.preview?.[2]).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: "employee_count", source_path: "Employees" })] });
    const history = MappingHistorySchema.parse(await (await getJson(token, "/api/v1/aam/mappings/filesource/accounts/versions")).json());
    expect(history.items.map((v) => v.origin)).toEqual(["system"]);
  });

  it("answer an invalid document with valid: false and every problem's line", async () => {
    const source = accountsOverride(2).replace("[trim, upper]", "[trim, shout]").replace("billing_country: Country", "billing_country: { from: Country, default: [] }");
    const res = await call("/api/v1/aam/mappings/validate", { body: { source }, headers: bearer(admin.accessToken) });
    expect(res.status).toBe(200);
    const verdict = MappingValidationSchema.parse(await res.json());
    if (verdict.valid) throw new Error("expected an invalid document");
    expect(verdict.errors.map(({ file, line, path }) => ({ file, line, path }))).toEqual([
      { file: "body.source", line: 8, path: "fields.name.transforms[1]" },
      { file: "body.source", line: 12, path: "fields.billing_country.default" },
    ]);
    expect(verdict.errors[0]?.message).toContain('unknown transform "shout"');
  });

  it("validate without samples: no preview", async () => {
    const res = await call("/api/v1/aam/mappings/validate", { body: { source: accountsOverride(9) }, headers: bearer(admin.accessToken) });
    const verdict = MappingValidationSchema.parse(await res.json());
    expect(verdict.valid).toBe(true);
    expect("preview" in verdict).toBe(false);
  });
});
