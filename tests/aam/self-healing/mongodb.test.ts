/**
 * Drift in a MongoDB collection, end to end through the public API, the real queue consumers and the driver in its
 * Durable Object: the application moves `address.{city,country}` to `location.{city,country}` in every document, and
 * the next sync detects the moved nested paths, re-maps them and every document reaches the accounts view.
 */
import { MongoClient, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mongoUrl, seedCollection } from "../../helpers/mongodb";
import { type Tenant, connect, driftEvents, quarantined, repairs, sync, tenant, viewRows } from "./helpers";

const database = "self_healing_nested";
const cities = [
  ["Berlin", "DE"],
  ["Lyon", "FR"],
  ["Porto", "PT"],
  ["Utrecht", "NL"],
  ["Graz", "AT"],
  ["Basel", "CH"],
] as const;
const ids = cities.map((_, i) => new ObjectId(`66b0000000000000000000${i.toString(16).padStart(2, "0")}`));
const documents = cities.map(([city, country], i) => ({
  _id: ids[i],
  name: `Customer ${i}`,
  address: { street: `Street ${i}`, city, country },
  updatedAt: new Date(`2026-03-01T10:0${i}:00Z`),
}));

let t: Tenant;
let connectionId: string;

beforeAll(async () => {
  await seedCollection(database, "accounts", documents);
  await seedCollection(database, "opportunities", []);
  await seedCollection(database, "contacts", []);
  t = await tenant();
  connectionId = await connect(t, { system: "mongodb", name: "CRM on MongoDB", config: { database, lookback_seconds: 0 }, secrets: { connection_string: mongoUrl } });
  const runs = await sync(t, connectionId);
  expect(runs.find(([object]) => object === "accounts")).toEqual(["accounts", "succeeded", 6, 0]);
});
afterAll(() => vi.restoreAllMocks());

describe("MongoDB: a nested path moved (address.city → location.city)", () => {
  it("detects the move in one sync, re-maps the nested paths and every document reaches the view", async () => {
    const client = new MongoClient(mongoUrl);
    try {
      const accounts = client.db(database).collection("accounts");
      for (const [i, [city, country]] of cities.entries()) {
        await accounts.updateOne({ _id: ids[i] }, { $unset: { address: "" }, $set: { location: { city, country, street: `Street ${i}` }, updatedAt: new Date(`2026-04-01T10:0${i}:00Z`) } });
      }
    } finally {
      await client.close();
    }
    const runs = await sync(t, connectionId);
    const [, status, read, held] = runs.find(([object]) => object === "accounts")!;
    expect([status, read]).toEqual(["succeeded", 6]);

    const event = (await driftEvents(t, connectionId))[0]!;
    expect(event.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "renamed", path: "address.city", to: "location.city", target: "billing_city" }),
        expect.objectContaining({ kind: "renamed", path: "address.country", to: "location.country", target: "billing_country" }),
      ]),
    );
    const repair = (await repairs(t))[0]!;
    expect(repair).toMatchObject({ kind: "drift", status: "applied", object: "accounts" });
    expect(repair.changes.map((c) => [c.target, c.from]).sort()).toEqual([
      ["billing_city", "location.city"],
      ["billing_country", "location.country"],
    ]);
    expect(await quarantined(t, connectionId, "open")).toEqual([]);
    expect(await quarantined(t, connectionId, "replayed")).toHaveLength(held);
    const rows = await viewRows(t, "accounts", connectionId);
    expect(rows.size).toBe(6);
    for (const [i, [city, country]] of cities.entries()) expect(rows.get(ids[i]!.toHexString())).toMatchObject({ billing_city: city, billing_country: country });
  });
});
