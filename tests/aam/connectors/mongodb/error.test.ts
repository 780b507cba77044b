import { beforeAll, describe, expect, it } from "vitest";
import { encodeOpaque } from "../../../../workers/platform/base64";
import { mongoConnector, mongoUrl, seedCollection } from "../../../helpers/mongodb";

const database = "connector_error";
const connector = (config: Record<string, unknown> = {}) => mongoConnector({ database, ...config });
const change = { object: "accounts", op: "upsert" as const, data: { name: "x" }, idempotency_key: "k" };

describe("MongoDb connector errors", () => {
  beforeAll(() => seedCollection(database, "accounts", [{ _id: "a1", name: "Acme", updatedAt: new Date("2026-03-01T00:00:00Z") }]));

  it("refuses a config that does not fit, naming the field", () => {
    expect(() => mongoConnector({ database: "" })).toThrow(expect.objectContaining({ kind: "validation-error" }));
    expect(() => mongoConnector({ database, page_size: 0 })).toThrow(expect.objectContaining({ kind: "validation-error" }));
    expect(() => mongoConnector({ database, tls: true })).toThrow(expect.objectContaining({ kind: "validation-error" }));
  });

  it("refuses a connection string that is not a MongoDB URL", () => {
    expect(() => mongoConnector({ database }, "mongodb-test", "postgres://127.0.0.1/x")).toThrow(
      expect.objectContaining({ kind: "validation-error", extras: { errors: [expect.objectContaining({ path: "secrets.connection_string" })] } }),
    );
  });

  it("rejects a cursor that is not a MongoDB read position", async () => {
    await expect(connector().read("accounts", "not-a-cursor")).rejects.toMatchObject({ kind: "validation-error" });
    await expect(connector().read("accounts", encodeOpaque('mdb:{"resume":false}'))).rejects.toMatchObject({ kind: "validation-error" });
  });

  it("does not read or write a collection outside the configured ones", async () => {
    await expect(connector({ collections: ["contacts"] }).read("accounts", null)).rejects.toMatchObject({ kind: "not-found" });
    await expect(connector({ collections: ["contacts"] }).write({ ...change, record_id: "a1" })).rejects.toMatchObject({ kind: "not-found" });
  });

  it("does not create a document that is not there", async () => {
    await expect(connector().write({ ...change, record_id: "missing" })).rejects.toMatchObject({ kind: "not-found" });
  });

  it("does not write back a delete", async () => {
    await expect(connector().write({ ...change, op: "delete", record_id: "a1" })).rejects.toMatchObject({ kind: "method-not-allowed" });
  });
});

// port 9 (discard) is closed on loopback: the driver's server selection gives up after the URL's 300 ms
const unreachableUrl = "mongodb://127.0.0.1:9/?directConnection=true&serverSelectionTimeoutMS=300";
// the stand-in has no users (every login fails as mongod's AuthenticationFailed) and refuses every command on an
// `unauthorized_` database as mongod refuses a user without a role on it (Unauthorized)
const badLoginUrl = mongoUrl.replace("mongodb://", "mongodb://app:wrong@");

describe("MongoDb connector source states", () => {
  beforeAll(() => seedCollection(database, "accounts", [{ _id: "a1", name: "Acme", updatedAt: new Date("2026-03-01T00:00:00Z") }]));

  it("checks bad credentials, a missing role, an unreachable server and a configured collection that is gone", async () => {
    expect(await mongoConnector({ database }, "mongodb-bad-login", badLoginUrl).check()).toMatchObject({ ok: false, state: "bad-credentials" });
    expect(await mongoConnector({ database: "unauthorized_crm" }).check()).toMatchObject({
      ok: false,
      state: "missing-permission",
      detail: expect.stringContaining("Unauthorized"),
    });
    expect(await mongoConnector({ database }, "mongodb-unreachable", unreachableUrl).check()).toMatchObject({ ok: false, state: "unreachable" });
    expect(await connector({ collections: ["accounts", "leads"] }).check()).toMatchObject({
      ok: false,
      state: "schema-drift",
      detail: expect.stringContaining("leads"),
    });
  });

  it("throws each state's problem from a read, never the platform's own auth problems", async () => {
    await expect(mongoConnector({ database }, "mongodb-bad-login", badLoginUrl).read("accounts", null)).rejects.toMatchObject({
      kind: "source-credentials-rejected"
    });
    await expect(mongoConnector({ database: "unauthorized_crm" }).read("accounts", null)).rejects.toMatchObject({ kind: "source-permission-denied" });
    await expect(mongoConnector({ database }, "mongodb-unreachable", unreachableUrl).read("accounts", null)).rejects.toMatchObject({
      kind: "source-unreachable"
    });
  });

  it("reports a collection that is gone as schema drift, on a read and on an existence check", async () => {
    await expect(connector().read("dropped", null)).rejects.toMatchObject({ kind: "source-schema-changed", detail: expect.stringContaining("dropped") });
    // never "every record was deleted": that would delete the whole object downstream
    await expect(connector().existing("dropped", ["a1"])).rejects.toMatchObject({ kind: "source-schema-changed" });
  });

  it("fails discovery and write-back with the source's state too", async () => {
    await expect(mongoConnector({ database: "unauthorized_crm" }).discover()).rejects.toMatchObject({ kind: "source-permission-denied" });
    await expect(mongoConnector({ database }, "mongodb-bad-login", badLoginUrl).write({ ...change, record_id: "a1" })).rejects.toMatchObject({
      kind: "source-credentials-rejected",
    });
  });
});
