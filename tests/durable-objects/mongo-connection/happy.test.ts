import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { mongoConnection } from "../../../durable-objects/mongo-connection";
import { type MongoAnswer, parseDocuments } from "../../../durable-objects/mongo-connection/queries";
import { mongoUrl, seedCollection } from "../../helpers/mongodb";

const database = "mongo_connection_happy";

function value<T>(answer: MongoAnswer<T>): T {
  if (!answer.ok) throw new Error(`MongoConnection failed: ${answer.state} ${answer.detail}`);
  return answer.value;
}

describe("MongoConnection (the official driver inside workerd, over the wire protocol)", () => {
  beforeAll(async () => {
    await seedCollection(database, "accounts", [
      { _id: "a1", name: "Acme", updatedAt: new Date("2026-01-03T00:00:00Z") },
      { _id: "a2", name: "Globex", updatedAt: new Date("2026-01-01T00:00:00Z") },
      { _id: "a3", name: "Initech", updatedAt: new Date("2026-01-02T00:00:00Z") },
    ]);
  });

  it("runs find with a sort and a limit, returning canonical Extended JSON", async () => {
    const found = parseDocuments(value(await mongoConnection(env, "happy").find(mongoUrl, { database, collection: "accounts", sort: { updatedAt: 1 }, limit: 2 })));
    expect(found).toEqual([
      { _id: "a2", name: "Globex", updatedAt: { $date: { $numberLong: String(Date.parse("2026-01-01T00:00:00Z")) } } },
      { _id: "a3", name: "Initech", updatedAt: { $date: { $numberLong: String(Date.parse("2026-01-02T00:00:00Z")) } } },
    ]);
  });

  it("takes an Extended JSON filter, so dates compare as dates", async () => {
    const after = { $date: { $numberLong: String(Date.parse("2026-01-01T12:00:00Z")) } };
    const found = parseDocuments(value(await mongoConnection(env, "happy").find(mongoUrl, { database, collection: "accounts", filter: { updatedAt: { $gt: after } }, sort: { _id: 1 } })));
    expect(found.map((document) => document._id)).toEqual(["a1", "a3"]);
  });

  it("updates a document and lists the collections", async () => {
    const connection = mongoConnection(env, "happy");
    expect(await connection.updateOne(mongoUrl, { database, collection: "accounts", filter: { _id: "a1" }, update: { $set: { name: "Acme Corp" } } })).toEqual({
      ok: true,
      value: { matched: 1, modified: 1, upserted: false },
    });
    const [updated] = parseDocuments(value(await connection.find(mongoUrl, { database, collection: "accounts", filter: { _id: "a1" } })));
    expect(updated?.name).toBe("Acme Corp");
    expect(value(await connection.collections(mongoUrl, database))).toEqual(["accounts"]);
  });

  it("projects fields and tells whether a collection exists", async () => {
    const connection = mongoConnection(env, "happy");
    const found = parseDocuments(value(await connection.find(mongoUrl, { database, collection: "accounts", filter: { _id: { $in: ["a2", "zz"] } }, projection: { _id: 1 } })));
    expect(found).toEqual([{ _id: "a2" }]);
    expect(value(await connection.collectionExists(mongoUrl, { database, collection: "accounts" }))).toBe(true);
    expect(value(await connection.collectionExists(mongoUrl, { database, collection: "dropped" }))).toBe(false);
  });

  it("upserts a document that is not there when asked to", async () => {
    const connection = mongoConnection(env, "happy");
    const change = { database, collection: "accounts", filter: { _id: "a9" }, update: { $set: { name: "Hooli" } }, upsert: true };
    expect(value(await connection.updateOne(mongoUrl, change))).toEqual({ matched: 0, modified: 0, upserted: true });
    expect(value(await connection.updateOne(mongoUrl, change))).toEqual({ matched: 1, modified: 0, upserted: false });
  });
});
