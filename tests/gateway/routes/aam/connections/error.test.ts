import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { SALESFORCE_CONFIG } from "../../../../aam/connectors/salesforce/helpers";

const owner = await signUp();
const auth = bearer(owner.accessToken);
const create = (body: unknown) => call(CONNECTIONS, { body, headers: auth });
const paths = (problem: { errors?: { path: string }[] }) => problem.errors?.map((e) => e.path).sort();

describe("POST /api/v1/aam/connections: invalid requests", () => {
  it("lists every FileSource config field that does not fit", async () => {
    const problem = await expectProblem(
      await create({ system: "filesource", name: "bad", config: { format: "xml", delimiter: ";;", page_size: 0 } }),
      400,
      "validation-error",
    );
    expect(paths(problem)).toEqual(["body.config.delimiter", "body.config.format", "body.config.page_size"]);
  });

  it.each([
    ["a quote as delimiter", { delimiter: '"' }, "body.config.delimiter"],
    ["a fractional page size", { page_size: 2.5 }, "body.config.page_size"],
    ["an empty id column", { id_column: "" }, "body.config.id_column"],
    ["a misspelt setting", { delimeter: ";" }, "body.config"],
  ])("refuses %s", async (_, config, path) => {
    const problem = await expectProblem(await create({ system: "filesource", name: "bad", config }), 400, "validation-error");
    expect(paths(problem)).toEqual([path]);
  });

  it("refuses a Salesforce config without its grant and consumer key, a JWT one without its user, or a plain-http login", async () => {
    const missing = await expectProblem(await create({ system: "salesforce", name: "sf", config: { login_url: "https://login.salesforce.com" } }), 400, "validation-error");
    expect(paths(missing)).toEqual(["body.config.client_id", "body.config.grant"]);
    const jwt = await expectProblem(await create({ system: "salesforce", name: "sf", config: { ...SALESFORCE_CONFIG, grant: "jwt_bearer" } }), 400, "validation-error");
    expect(paths(jwt)).toEqual(["body.config.username"]);
    const http = await expectProblem(await create({ system: "salesforce", name: "sf", config: { ...SALESFORCE_CONFIG, login_url: "http://login.salesforce.com" } }), 400, "validation-error");
    expect(paths(http)).toEqual(["body.config.login_url"]);
  });

  it("refuses a Supabase config without its project URL, or with one that is not http(s)", async () => {
    for (const config of [{ tables: ["companies"] }, { url: "ftp://example.supabase.co" }]) {
      const problem = await expectProblem(await create({ system: "supabase", name: "sb", config }), 400, "validation-error");
      expect(paths(problem)).toEqual(["body.config.url"]);
    }
  });

  it("refuses a MongoDB config without its database", async () => {
    const problem = await expectProblem(await create({ system: "mongodb", name: "mongo", config: { collections: ["accounts"] } }), 400, "validation-error");
    expect(paths(problem)).toEqual(["body.config.database"]);
  });

  it.each([
    ["system", { system: "oracle", name: "n", config: {} }],
    ["name", { system: "filesource", name: "   ", config: {} }],
    ["name", { system: "filesource", name: "x".repeat(101), config: {} }],
    ["schedule_minutes", { system: "filesource", name: "n", config: {}, schedule_minutes: 1 }],
    ["schedule_minutes", { system: "filesource", name: "n", config: {}, schedule_minutes: 7.5 }],
    ["secrets", { system: "filesource", name: "n", config: {}, secrets: { token: 42 } }],
  ])("rejects an invalid %s", async (field, body) => {
    const problem = await expectProblem(await create(body), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path.split(".").slice(0, 2).join("."))).toContain(`body.${field}`);
  });

  it("answers 409 for a name the tenant already uses, on create and on rename", async () => {
    await createConnection(owner.accessToken, { name: "Taken" });
    await expectProblem(await create({ system: "supabase", name: "Taken", config: { url: "https://example.supabase.co" } }), 409, "conflict");
    const other = await createConnection(owner.accessToken);
    const res = await call(`${CONNECTIONS}/${other.id}`, { method: "PATCH", body: { name: "Taken" }, headers: auth });
    await expectProblem(res, 409, "conflict");
  });
});

const connection = await createConnection(owner.accessToken);

describe("PATCH /api/v1/aam/connections/{id}: invalid requests", () => {
  const patch = (body: unknown) => call(`${CONNECTIONS}/${connection.id}`, { method: "PATCH", body, headers: auth });

  it("requires at least one change", async () => {
    await expectProblem(await patch({}), 400, "validation-error");
  });

  it("validates a new config against the connection's own system", async () => {
    const problem = await expectProblem(await patch({ config: { format: "parquet" } }), 400, "validation-error");
    expect(paths(problem)).toEqual(["body.config.format"]);
  });

  it("leaves the error status to the pipeline", async () => {
    const problem = await expectProblem(await patch({ status: "error" }), 400, "validation-error");
    expect(paths(problem)).toEqual(["body.status"]);
  });

  it("changes nothing when the request is refused", async () => {
    await patch({ name: "still-valid", config: { format: "nope" } });
    const res = await call(`${CONNECTIONS}/${connection.id}`, { headers: auth });
    expect(await res.json()).toMatchObject({ name: connection.name, config: connection.config });
  });
});

describe("unknown connections and unsupported systems", () => {
  it.each([
    ["GET", ""],
    ["PATCH", ""],
    ["DELETE", ""],
    ["POST", "/test"],
  ])("%s on an unknown id is a 404", async (method, suffix) => {
    const body = method === "PATCH" ? { name: "x" } : undefined;
    await expectProblem(await call(`${CONNECTIONS}/con_000000000000000000000000${suffix}`, { method, body, headers: auth }), 404, "not-found");
  });

  it("answers 400 when testing a Salesforce connection stored without the secret its grant needs", async () => {
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config: SALESFORCE_CONFIG });
    const problem = await expectProblem(await call(`${CONNECTIONS}/${salesforce.id}/test`, { method: "POST", headers: auth }), 400, "validation-error");
    expect(problem.detail).toContain("client_secret");
  });

  it("reports a Salesforce login host that cannot be reached as a failed check (200), not a gateway error", async () => {
    const config = { ...SALESFORCE_CONFIG, login_url: "http://127.0.0.1:9" };
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config, secrets: { client_secret: "s" } });
    const res = await call(`${CONNECTIONS}/${salesforce.id}/test`, { method: "POST", headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, state: "unreachable" });
  });

  it.each([["cursor=not-a-cursor"], [`cursor=${btoa("audit:3")}`], ["limit=0"], ["limit=201"]])("rejects the list query %s", async (query) => {
    await expectProblem(await call(`${CONNECTIONS}?${query}`, { headers: auth }), 400, "validation-error");
  });

  it("requires credentials", async () => {
    await expectProblem(await call(CONNECTIONS), 401, "unauthorized");
  });
});
