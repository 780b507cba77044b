import { beforeAll, describe, expect, it } from "vitest";
import { collectionDocuments, mongoConnector, seedCollection } from "../../../helpers/mongodb";

const database = "connector_security";
const connector = () => mongoConnector({ database });

describe("MongoDb connector security", () => {
  beforeAll(() =>
    seedCollection(database, "accounts", [
      { _id: "a1", name: "Acme", owner: "alice" },
      { _id: "a2", name: "Globex", owner: "bob" },
    ]),
  );

  it("treats a record id as a value, never as a query operator", async () => {
    const injected = { object: "accounts", op: "upsert" as const, record_id: '{"$ne":null}', data: { owner: "mallory" }, idempotency_key: "k" };
    await expect(connector().write(injected)).rejects.toMatchObject({ kind: "not-found" });
    expect((await collectionDocuments(database, "accounts")).map((document) => document.owner)).toEqual(["alice", "bob"]);
  });

  it("treats record ids asked about as values, never as query operators", async () => {
    expect(await connector().existing("accounts", ['{"$ne":null}', '{"$gt":""}'])).toEqual(new Set());
    expect(await connector().existing("accounts", ["a1", '{"$ne":null}'])).toEqual(new Set(["a1"]));
  });

  it("does not answer existence for a collection outside the configured ones", async () => {
    await expect(mongoConnector({ database, collections: ["contacts"] }).existing("accounts", ["a1"])).rejects.toMatchObject({ kind: "not-found" });
  });

  it("never changes a document's _id on write-back", async () => {
    await connector().write({ object: "accounts", op: "upsert", record_id: "a1", data: { _id: "a2", name: "Acme 2" }, idempotency_key: "k" });
    expect(await collectionDocuments(database, "accounts")).toEqual([
      { _id: "a1", name: "Acme 2", owner: "alice" },
      { _id: "a2", name: "Globex", owner: "bob" },
    ]);
  });

  it("does not echo the connection string's password in a failed check or a config error", async () => {
    const secret = "s3cret-Pa55";
    const check = await mongoConnector({ database }, "mongodb-secret", `mongodb://app:${secret}@127.0.0.1:9/?directConnection=true&serverSelectionTimeoutMS=300`).check();
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).not.toContain(secret);
    let thrown: unknown;
    try {
      mongoConnector({ database }, "mongodb-secret", `mysql://app:${secret}@127.0.0.1/x`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: "validation-error" });
    expect(JSON.stringify(thrown) + String(thrown)).not.toContain(secret);
  });
});
