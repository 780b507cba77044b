import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";

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

  it("accepts any object for systems whose connectors do not exist yet, but still requires an object", async () => {
    expect((await create({ system: "mongodb", name: "mongo", config: { uri_host: "cluster0" } })).status).toBe(201);
    const problem = await expectProblem(await create({ system: "mongodb", name: "mongo-2", config: "mongodb://x" }), 400, "validation-error");
    expect(paths(problem)).toEqual(["body.config"]);
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
    await expectProblem(await create({ system: "supabase", name: "Taken", config: {} }), 409, "conflict");
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

  it("answers 501 when testing a connection whose system has no connector yet", async () => {
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config: {} });
    const problem = await expectProblem(await call(`${CONNECTIONS}/${salesforce.id}/test`, { method: "POST", headers: auth }), 501, "not-implemented");
    expect(problem.detail).toContain("salesforce");
  });

  it.each([["cursor=not-a-cursor"], [`cursor=${btoa("audit:3")}`], ["limit=0"], ["limit=201"]])("rejects the list query %s", async (query) => {
    await expectProblem(await call(`${CONNECTIONS}?${query}`, { headers: auth }), 400, "validation-error");
  });

  it("requires credentials", async () => {
    await expectProblem(await call(CONNECTIONS), 401, "unauthorized");
  });
});
