import { env } from "cloudflare:test";
import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createConnection, getConnection } from "../../../../workers/aam/connections/registry";
import { decodeCursor } from "../../../../workers/aam/connectors/mongodb/cursor";
import { startObjectSync } from "../../../../workers/aam/pipeline/start-sync";
import { captureQueues, deliver, newTenant } from "../../../helpers/pipeline";
import { collectionDocuments, mongoConnector, mongoUrl, seedCollection } from "../../../helpers/mongodb";

const database = "connector_happy";
const at = (iso: string) => new Date(iso);
const ids = Array.from({ length: 5 }, (_, index) => new ObjectId(`6650000000000000000000${String(index).padStart(2, "0")}`));

const accounts = [
  { _id: ids[0], name: "Acme", updatedAt: at("2026-03-01T10:00:00Z"), address: { city: "Berlin", geo: { lat: 52.5 } }, tags: ["a"] },
  { _id: ids[1], name: "Globex", updatedAt: at("2026-03-01T09:00:00Z"), address: { city: "Paris" }, employees: 120 },
  // the same instant as ids[0]: _id orders the tie
  { _id: ids[2], name: "Initech", updatedAt: at("2026-03-01T10:00:00Z"), employees: 40.5 },
  { _id: ids[3], name: "Umbrella", updatedAt: at("2026-03-02T08:00:00Z"), active: true },
  { _id: ids[4], name: "Hooli", updatedAt: at("2026-03-03T08:00:00Z"), active: null },
];

const connector = (config: Record<string, unknown> = {}) => mongoConnector({ database, page_size: 2, lookback_seconds: 3600, ...config });

async function readAll(from: string | null) {
  const pages = [];
  let cursor = from;
  do {
    const page = await connector().read("accounts", cursor);
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return pages;
}

describe("MongoDb connector", () => {
  beforeEach(() => seedCollection(database, "accounts", accounts));

  it("reads a collection page by page in (updatedAt, _id) order, as plain JSON", async () => {
    const pages = await readAll(null);
    expect(pages.map((page) => page.records.map((record) => record.data.name))).toEqual([
      ["Globex", "Acme"],
      ["Initech", "Umbrella"],
      ["Hooli"],
    ]);
    const [globex] = pages[0]?.records ?? [];
    expect(globex).toMatchObject({
      record_id: ids[1]?.toHexString(),
      data: { _id: ids[1]?.toHexString(), updatedAt: "2026-03-01T09:00:00.000Z", address: { city: "Paris" }, employees: 120 },
    });
    expect(pages.at(-1)?.next_cursor).toBeNull();
    expect(pages.at(-1)?.resume_cursor).toEqual(expect.any(String));
  });

  it("resumes a later sync from the last position moved back by the lookback", async () => {
    const resume = (await readAll(null)).at(-1)?.resume_cursor ?? null;
    expect(resume).not.toBeNull();
    await seedCollection(database, "accounts", [
      ...accounts,
      // committed after the first sync, dated within the lookback before its last position: picked up
      { _id: new ObjectId(), name: "Late", updatedAt: at("2026-03-03T07:30:00Z") },
      // dated before the lookback: a plain incremental sync cannot see it
      { _id: new ObjectId(), name: "Too late", updatedAt: at("2026-03-01T00:00:00Z") },
      { _id: new ObjectId(), name: "New", updatedAt: at("2026-03-04T00:00:00Z") },
    ]);
    const pages = await readAll(resume);
    expect(pages.flatMap((page) => page.records.map((record) => record.data.name))).toEqual(["Late", "Hooli", "New"]);
  });

  it("continues exactly after a cursor, with no lookback, within a sync", async () => {
    const first = await connector().read("accounts", null);
    const second = await connector().read("accounts", first.next_cursor);
    expect(second.records.map((record) => record.record_id)).toEqual([ids[2]?.toHexString(), ids[3]?.toHexString()]);
  });

  it("discovers nested field paths with their types, nullability and frequency", async () => {
    const [discovered] = await connector({ collections: ["accounts"] }).discover();
    const fields = Object.fromEntries((discovered?.fields ?? []).map((field) => [field.name, field]));
    expect(discovered?.object).toBe("accounts");
    expect(Object.keys(fields).sort()).toEqual(
      ["_id", "active", "address.city", "address.geo.lat", "employees", "name", "tags", "updatedAt"].sort(),
    );
    expect(fields.updatedAt).toMatchObject({ type: "datetime", nullable: false, frequency: 1 });
    expect(fields["address.city"]).toMatchObject({ type: "string", nullable: true, frequency: 0.4 });
    expect(fields["address.geo.lat"]).toMatchObject({ type: "number", frequency: 0.2 });
    expect(fields.employees).toMatchObject({ type: "number", frequency: 0.4 });
    expect(fields.active).toMatchObject({ type: "boolean", nullable: true, frequency: 0.4 });
    expect(fields.tags).toMatchObject({ type: "array", frequency: 0.2 });
  });

  it("discovers every collection of the database when the config names none", async () => {
    await seedCollection(database, "contacts", [{ _id: "c1", email: "a@example.com" }]);
    const discovered = await connector().discover();
    expect(discovered.map((object) => object.object)).toEqual(["accounts", "contacts"]);
  });

  it("writes back with updateOne by the record id, leaving other fields alone", async () => {
    const result = await connector().write({
      object: "accounts",
      op: "upsert",
      record_id: ids[1]?.toHexString() ?? "",
      data: { name: "Globex Corp", employees: 130 },
      idempotency_key: "k1",
    });
    expect(result).toEqual({ record_id: ids[1]?.toHexString(), status: "updated" });
    const globex = (await collectionDocuments(database, "accounts")).find((document) => ids[1]?.equals(document._id));
    expect(globex).toMatchObject({ name: "Globex Corp", employees: 130, address: { city: "Paris" } });
  });

  it("writes back to a document whose _id is a string", async () => {
    await seedCollection(database, "contacts", [{ _id: "c1", email: "a@example.com" }]);
    await connector().write({ object: "contacts", op: "upsert", record_id: "c1", data: { email: "b@example.com" }, idempotency_key: "k2" });
    expect(await collectionDocuments(database, "contacts")).toEqual([{ _id: "c1", email: "b@example.com" }]);
  });

  it("checks the server by listing the database's collections", async () => {
    await seedCollection(database, "contacts", [{ _id: "c1", email: "a@example.com" }]);
    expect(await connector({ collections: ["accounts"] }).check()).toMatchObject({ ok: true, state: "ok", detail: "2 collections visible in connector_happy" });
  });

  it("tells which record ids still exist, whatever the type of their _id", async () => {
    await seedCollection(database, "mixed", [{ _id: ids[0] }, { _id: "c1" }, { _id: 42 }, { _id: 7n }, { _id: "17" }]);
    const asked = [ids[0]?.toHexString() ?? "", ids[1]?.toHexString() ?? "", "c1", "c2", "42", "7", "17", "18"];
    expect([...(await connector().existing("mixed", asked))].sort()).toEqual([ids[0]?.toHexString(), "c1", "42", "7", "17"].sort());
  });

  it("answers existence with the record ids a read hands out", async () => {
    const read = await readAll(null);
    const recordIds = read.flatMap((page) => page.records.map((record) => record.record_id));
    expect(await connector().existing("accounts", recordIds)).toEqual(new Set(recordIds));
    await seedCollection(database, "accounts", accounts.slice(1));
    expect(await connector().existing("accounts", recordIds)).toEqual(new Set(recordIds.filter((id) => id !== ids[0]?.toHexString())));
  });

  it("creates a document once per idempotency key: a retried create updates the first one", async () => {
    const create = { object: "accounts", op: "upsert" as const, data: { name: "Vandelay", updatedAt: "2026-03-05" }, idempotency_key: "create-1" };
    const first = await connector().write(create);
    expect(first).toEqual({ record_id: expect.stringMatching(/^[0-9a-f]{24}$/), status: "created" });
    expect(await connector().write({ ...create, data: { name: "Vandelay Industries" } })).toEqual({ record_id: first.record_id, status: "updated" });
    const created = (await collectionDocuments(database, "accounts")).filter((document) => String(document.name).startsWith("Vandelay"));
    expect(created).toEqual([{ _id: new ObjectId(first.record_id), name: "Vandelay Industries", updatedAt: "2026-03-05" }]);
    // the created document reads back with the record id the write returned
    expect(await connector().existing("accounts", [first.record_id])).toEqual(new Set([first.record_id]));
    expect((await connector().write({ ...create, idempotency_key: "create-2" })).record_id).not.toBe(first.record_id);
  });
});

describe("MongoDb connector in the sync pipeline", () => {
  beforeEach(() => seedCollection(database, "accounts", accounts));
  afterEach(() => vi.restoreAllMocks());

  it("syncs a collection page by page and keeps the resume cursor for the next sync", async () => {
    const queues = captureQueues();
    const scope = await newTenant();
    const config = { database, page_size: 2, lookback_seconds: 3600 };
    const connection = await createConnection(
      scope,
      env,
      { system: "mongodb", name: "crm", config, secrets: { connection_string: mongoUrl }, schedule_minutes: 60 },
      new Date(),
    );
    await startObjectSync(env, scope, {
      connection: await getConnection(scope, connection.id),
      kind: "scheduled",
      object: "accounts",
      cursor: null,
      entity: "account",
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    for (let next = 0; next < queues.syncJobs().length; next++) await deliver("autonomos-sync", [queues.syncJobs()[next]]);

    expect(queues.rawBatches().map((batch) => batch.records.length)).toEqual([2, 2, 1]);
    const stored = (await getConnection(scope, connection.id)).cursor.accounts;
    // the connector's resume position (the last document, Hooli), not the last page's start (after Umbrella)
    expect(decodeCursor(stored ?? "")).toEqual({
      at: { $date: { $numberLong: String(Date.parse("2026-03-03T08:00:00Z")) } },
      id: { $oid: ids[4]?.toHexString() },
      resume: true,
    });
  });
});
