import { describe, expect, it } from "vitest";
import { Salesforce } from "../../../../workers/aam/connectors/salesforce";
import { accounts, createFakeOrg, fakeUrl, jwtConnection } from "./helpers";

async function connector(org: Awaited<ReturnType<typeof createFakeOrg>>, config: Record<string, unknown> = {}) {
  const { config: stored, secrets } = await jwtConnection(org, config);
  return new Salesforce(stored, secrets);
}

describe("Salesforce connector", () => {
  it("check() signs in and reports the API usage", async () => {
    const org = await createFakeOrg({ api_used: 41, api_limit: 15000 });
    expect(await (await connector(org)).check()).toMatchObject({ ok: true, state: "ok", detail: "connected; 42 of 15000 daily API calls used" });
  });

  it("check() with client credentials", async () => {
    const org = await createFakeOrg();
    const source = new Salesforce({ login_url: fakeUrl(), grant: "client_credentials", client_id: org.clientId }, { client_secret: org.secret });
    expect((await source.check()).ok).toBe(true);
  });

  it("discover() lists each configured object with typed fields, picklists, references and custom fields", async () => {
    const org = await createFakeOrg();
    const [account] = await (await connector(org)).discover();
    expect(account).toMatchObject({ object: "Account", label: "Account" });
    const byName = new Map(account?.fields.map((field) => [field.name, field]));
    expect(byName.get("AnnualRevenue")).toMatchObject({ type: "number", nullable: true });
    expect(byName.get("NumberOfEmployees")?.type).toBe("integer");
    expect(byName.get("SystemModstamp")).toMatchObject({ type: "datetime", nullable: false });
    expect(byName.get("IsDeleted")?.type).toBe("boolean");
    expect(byName.get("Industry")).toMatchObject({ type: "string", sample_values: ["Agriculture", "Banking", "Technology", "Energy"], custom: false });
    expect(byName.get("Industry")?.picklist_values).toEqual(["Agriculture", "Banking", "Technology", "Energy"]);
    expect(byName.get("OwnerId")).toMatchObject({ type: "string", reference_to: ["User"], custom: false });
    expect(byName.get("Tier__c")).toMatchObject({ custom: true, picklist_values: ["Gold", "Silver"] });
    // plain fields carry no empty reference or picklist lists
    expect(byName.get("Name")).not.toHaveProperty("reference_to");
    expect(byName.get("Name")).not.toHaveProperty("picklist_values");
  });

  it("read() pages by cursor with every readable field, until next_cursor is null", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, records: { Account: accounts(3) } });
    const source = await connector(org);
    const first = await source.read("Account", null);
    expect(first.records.map((r) => r.record_id)).toEqual(accounts(2).map((a) => a.Id));
    expect(first.records[0]).toMatchObject({ cursor: "2026-01-01T00:00:00.000Z", data: { Name: "Acme 0", Industry: "Technology", Website: null, OwnerId: null } });
    expect(first.next_cursor).not.toBeNull();
    const last = await source.read("Account", first.next_cursor);
    expect(last.records.map((r) => r.data.Name)).toEqual(["Acme 2"]);
    expect(last.next_cursor).toBeNull();
    // the next sync resumes from the last record's SystemModstamp, with no query in progress
    expect(JSON.parse(last.resume_cursor as string)).toEqual({ watermark: "2026-01-01T00:00:02.000Z", next: null });
    // a redelivered job re-reads its spent locator's page: the query restarts at its watermark, no error
    // (watermark 00:00:01 minus the 300 s lookback: from the first record again, in batches of two)
    const again = await source.read("Account", first.next_cursor);
    expect(again.records.map((r) => r.data.Name)).toEqual(["Acme 0", "Acme 1"]);
    expect(again.next_cursor).not.toBeNull();
  });

  it("read() turns rows queryAll reports as deleted into delete records", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(2) } });
    const source = await connector(org, { lookback_seconds: 0 });
    const first = await source.read("Account", null);
    expect(first.records.map((r) => r.op)).toEqual([undefined, undefined]);
    const gone = accounts(2)[0]?.Id as string;
    await org.put("Account", [{ Id: gone, IsDeleted: true, SystemModstamp: "2026-01-02T00:00:00.000+0000" }]);
    const next = await source.read("Account", first.resume_cursor as string);
    // the watermark's own record is re-read (>=), then the delete
    expect(next.records.map((r) => [r.record_id, r.op])).toEqual([
      [accounts(2)[1]?.Id, undefined],
      [gone, "delete"],
    ]);
    expect(next.records[1]).toMatchObject({ cursor: "2026-01-02T00:00:00.000Z", data: { Name: "Acme 0", IsDeleted: true } });
  });

  it("write() updates by record_id and creates without one", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const source = await connector(org);
    const id = accounts(1)[0]?.Id as string;
    expect(await source.write({ object: "Account", op: "upsert", record_id: id, data: { Industry: "Banking" }, idempotency_key: "k1" })).toEqual({
      record_id: id,
      status: "updated",
    });
    const created = await source.write({ object: "Account", op: "upsert", data: { Name: "New Co" }, idempotency_key: "k2" });
    expect(created).toMatchObject({ status: "created", record_id: expect.stringMatching(/^001/) });
    const { records } = await org.state();
    expect(records.Account?.map((r) => [r.Name, r.Industry ?? null]).sort()).toEqual([["Acme 0", "Banking"], ["New Co", null]]);
  });

  it("write() with an external id field upserts creates by the idempotency key: a retry finds the first attempt's record", async () => {
    const org = await createFakeOrg();
    const source = await connector(org, { external_id_field: "AutonomOS_Key__c" });
    const change = { object: "Account", op: "upsert", data: { Name: "Retry Co" }, idempotency_key: "wr_7f3a" } as const;
    const first = await source.write(change);
    expect(first).toMatchObject({ status: "created", record_id: expect.stringMatching(/^001/) });
    expect(await source.write({ ...change, data: { Name: "Retry Co", Industry: "Energy" } })).toEqual({ record_id: first.record_id, status: "updated" });
    const { records, calls } = await org.state();
    expect(records.Account?.map((r) => [r.Id, r.Name, r.Industry, r.AutonomOS_Key__c])).toEqual([[first.record_id, "Retry Co", "Energy", "wr_7f3a"]]);
    expect(calls.filter((c) => c.method === "PATCH").map((c) => c.path)).toEqual([
      "/services/data/v62.0/sobjects/Account/AutonomOS_Key__c/wr_7f3a",
      "/services/data/v62.0/sobjects/Account/AutonomOS_Key__c/wr_7f3a",
    ]);
  });
});
