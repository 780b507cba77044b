import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { connectorFor } from "../../../../workers/aam/connections/factory";
import { createConnection } from "../../../../workers/aam/connections/registry";
import { database, forTenant, schema } from "../../../../workers/platform/db";
import { newId } from "../../../../workers/platform/ids";
import { Supabase } from "../../../../workers/aam/connectors/supabase";
import { connector, inCursorOrder, project, readAll } from "./helpers";

const COMPANIES = 120;
// 60 in a run plus one whose id is past 2^53
const DEALS = 61;
const BIG_ID = "9007199254740993";

describe("Supabase.read", () => {
  it("pages past db-max-rows until an empty page: a capped page is not taken for the end", async () => {
    const { pages, records } = await readAll(connector(), "companies");
    // 1000 rows asked for each time, PostgREST's db-max-rows (50) answered
    expect(pages.map((page) => page.records.length)).toEqual([project.max_rows, project.max_rows, COMPANIES - 2 * project.max_rows, 0]);
    expect(pages.at(-1)?.next_cursor).toBeNull();
    expect(new Set(records.map((r) => r.record_id)).size).toBe(COMPANIES);
    expect(records).toEqual(inCursorOrder(records));
    expect(records[0]?.data).toMatchObject({ name: expect.stringMatching(/^Company \d{3}$/), employees: expect.any(Number) });
  });

  it("never skips or repeats rows sharing an updated_at across page boundaries, at any page size", async () => {
    const whole = (await readAll(connector(), "companies")).records.map((r) => r.record_id);
    for (const pageSize of [1, 5, 7, 13]) {
      const { pages, records } = await readAll(connector({ page_size: pageSize }), "companies");
      expect(records.map((r) => r.record_id)).toEqual(whole);
      expect(pages.every((page) => page.records.length <= pageSize)).toBe(true);
    }
  });

  it("orders rows that all share one updated_at by id alone (bigint ids compared as numbers)", async () => {
    const { records } = await readAll(connector({ page_size: 7 }), "deals");
    const ids = records.map((r) => BigInt(r.record_id));
    expect(ids).toHaveLength(DEALS);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(records.map((r) => r.data.updated_at)).size).toBe(1);
  });

  it("keeps a bigint id past 2^53 exact: record id, data and cursor, and resumes right after it", async () => {
    const { records } = await readAll(connector({ page_size: 7 }), "deals");
    const big = records.at(-1);
    // JSON.parse alone would read 9007199254740992, another row's id
    expect(big?.record_id).toBe(BIG_ID);
    expect(big?.data).toMatchObject({ id: BIG_ID, name: "Deal past 2^53", amount: 0, is_won: false });
    expect(typeof records[0]?.data.id).toBe("number");
    // a cursor on the row before it resumes at it, and one on it finds nothing after
    expect((await readAll(connector(), "deals", records.at(-2)?.cursor ?? null)).records.map((r) => r.record_id)).toEqual([BIG_ID]);
    expect((await readAll(connector(), "deals", big?.cursor ?? null)).records).toEqual([]);
  });

  it("resumes from a stored cursor in a new connector (another invocation) exactly where the last page ended", async () => {
    const whole = (await readAll(connector(), "companies")).records.map((r) => r.record_id);
    const first = connector({ page_size: 9 });
    let cursor: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const read = await first.read("companies", cursor);
      seen.push(...read.records.map((r) => r.record_id));
      cursor = read.next_cursor;
    }
    // 27 rows read: row 28 is inside a run of equal timestamps (runs of 7)
    const rest = await readAll(connector({ page_size: 9 }), "companies", cursor);
    expect([...seen, ...rest.records.map((r) => r.record_id)]).toEqual(whole);
  });

  it("gives each record the cursor of its own position, so a page can be resumed from any of its records", async () => {
    const { records } = await readAll(connector(), "companies");
    const tenth = records[9];
    const from = await readAll(connector(), "companies", tenth?.cursor ?? null);
    expect(from.records.map((r) => r.record_id)).toEqual(records.slice(10).map((r) => r.record_id));
  });

  it("reads the same rows with a sb_secret_ key as with the legacy service_role key", async () => {
    const legacy = await readAll(connector(), "companies");
    const secret = await readAll(connector({}, project.secret_key), "companies");
    expect(secret.records).toEqual(legacy.records);
  });
});

describe("a first sync of a 50,000-row table (in another exposed schema)", () => {
  it("goes page by page, one request and at most db-max-rows rows per read, every row exactly once", async () => {
    let requests = 0;
    const counting = (request: Request) => {
      requests += 1;
      expect(request.headers.get("accept-profile")).toBe("bulk");
      return fetch(request);
    };
    const source = new Supabase({ url: project.url, schema: "bulk" }, { api_key: project.secret_key }, counting);
    let cursor: string | null = null;
    let reads = 0;
    let rows = 0;
    let lastId = 0;
    do {
      const before = requests;
      const page = await source.read("activities", cursor);
      reads += 1;
      // one subrequest and a bounded page per read: each sync step stays far inside a Worker invocation's limits
      expect(requests - before).toBe(1);
      expect(page.records.length).toBeLessThanOrEqual(project.max_rows);
      for (const record of page.records) {
        expect(Number(record.record_id)).toBeGreaterThan(lastId);
        lastId = Number(record.record_id);
      }
      rows += page.records.length;
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(rows).toBe(project.bulk_rows);
    expect(lastId).toBe(project.bulk_rows);
    expect(reads).toBe(project.bulk_rows / project.max_rows + 1);
  }, 120_000);
});

describe("Supabase.discover", () => {
  it("describes each table from PostgREST's OpenAPI document: types, NOT NULL, comments, samples", async () => {
    const objects = await connector().discover();
    // labels: id reconciliation's table of awkward text ids
    expect(objects.map((o) => o.object).sort()).toEqual(["companies", "deals", "labels", "people"]);
    const companies = objects.find((o) => o.object === "companies");
    expect(companies?.label).toBe("Customer companies");
    const field = (object: string, name: string) => objects.find((o) => o.object === object)?.fields.find((f) => f.name === name);
    expect(field("companies", "id")).toMatchObject({ type: "string", nullable: false });
    expect(field("companies", "name")).toMatchObject({ label: "Legal name", type: "string", nullable: false });
    expect(field("companies", "employees")).toMatchObject({ type: "integer", nullable: true });
    expect(field("companies", "annual_revenue")).toMatchObject({ type: "number", nullable: true });
    expect(field("companies", "updated_at")).toMatchObject({ type: "datetime", nullable: false });
    expect(field("deals", "id")).toMatchObject({ type: "integer", nullable: false });
    expect(field("deals", "close_date")).toMatchObject({ type: "date" });
    expect(field("deals", "is_won")).toMatchObject({ type: "boolean" });
    expect(field("people", "tags")).toMatchObject({ type: "array" });
    expect(field("people", "metadata")).toMatchObject({ type: "object" });
    const names = field("companies", "name")?.sample_values ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(5);
    expect(names.every((name) => typeof name === "string" && name.startsWith("Company "))).toBe(true);
  });
});

describe("Supabase.check", () => {
  it("is healthy with a valid server key, legacy or sb_secret_", async () => {
    for (const key of [project.service_role_key, project.secret_key]) {
      const health = await connector({}, key).check();
      expect(health).toMatchObject({ ok: true, state: "ok", detail: "4 tables visible" });
    }
  });
});

// deals is the one table a test writes to: the other files compare people and companies before and after
describe("Supabase.write", () => {
  it("round-trips: a PATCH changes the row, and the next incremental read picks up exactly that row", async () => {
    const source = connector();
    const before = await readAll(source, "deals");
    const target = before.records[3];
    if (target === undefined) throw new Error("no deals seeded");
    const result = await source.write({ object: "deals", op: "upsert", record_id: target.record_id, data: { stage: "closed", is_won: true }, idempotency_key: "k1" });
    expect(result).toEqual({ record_id: target.record_id, status: "updated" });
    // the trigger moved updated_at: the row comes after the end of the earlier read, alone
    const after = await readAll(source, "deals", before.cursor);
    expect(after.records.map((r) => [r.record_id, r.data.stage, r.data.is_won])).toEqual([[target.record_id, "closed", true]]);
    expect(String(after.records[0]?.data.updated_at) > String(target.data.updated_at)).toBe(true);
  });
});

describe("the connector factory", () => {
  it("builds a Supabase connector from a connection's config and sealed secrets", async () => {
    const db = database(env.DB);
    const tenantId = newId("ten");
    await db.insert(schema.tenants).values({ id: tenantId, name: "supabase" });
    const scope = forTenant(db, tenantId);
    const connection = await createConnection(scope, env, {
      system: "supabase",
      name: newId("n"),
      config: { url: project.url, page_size: 40 },
      secrets: { api_key: project.secret_key },
      schedule_minutes: 60,
    });
    const source = await connectorFor(connection, env);
    const page = await source.read("companies", null);
    expect(source.system).toBe("supabase");
    expect(page.records).toHaveLength(40);
  });
});
