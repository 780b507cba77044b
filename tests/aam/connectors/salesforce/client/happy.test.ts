import { describe, expect, it } from "vitest";
import { SalesforceClient } from "../../../../../workers/aam/connectors/salesforce/client";
import { memoryDescribeCache } from "../../../../../workers/aam/connectors/salesforce/describe";
import { accounts, clientCredentialsSettings, createFakeOrg, drain, jwtClient, jwtSettings } from "../helpers";

const FIELDS = ["Name", "Industry"];
const soqlOf = (path: string) => new URL(path, "http://x").searchParams.get("q");

describe("Salesforce client: authentication", () => {
  it("signs in by the JWT bearer flow and reads with the token", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const batch = await (await jwtClient(org)).readChanges("Account", FIELDS, null);
    expect(batch.records.map((r) => r.data.Name)).toEqual(["Acme 0"]);
  });

  it("signs in by client credentials", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(2) } });
    const batch = await new SalesforceClient(clientCredentialsSettings(org)).readChanges("Account", FIELDS, null);
    expect(batch.records).toHaveLength(2);
  });

  it("gets a new token once when the session expired, and the call succeeds", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const tokenCalls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith("/services/oauth2/token")) tokenCalls.push(String(input));
      return fetch(input, init);
    };
    const client = new SalesforceClient(await jwtSettings(org), memoryDescribeCache(), counting);
    await client.readChanges("Account", FIELDS, null);
    await org.change({ expire_sessions: true });
    const batch = await client.readChanges("Account", FIELDS, null);
    expect(batch.records.map((r) => r.id)).toEqual([accounts(1)[0]?.Id]);
    expect(tokenCalls).toHaveLength(2);
  });
});

describe("Salesforce client: incremental reads", () => {
  it("pages through nextRecordsUrl in SystemModstamp, Id order, asking for the configured batch size", async () => {
    const same = "2026-01-01T00:00:00.000+0000";
    const org = await createFakeOrg({
      max_batch_size: 2,
      records: { Account: [...accounts(3, Date.parse("2026-01-02T00:00:00Z")), { Id: "001B00000000000002", Name: "Tie B", SystemModstamp: same }, { Id: "001A00000000000001", Name: "Tie A", SystemModstamp: same }] },
    });
    const { batches, records } = await drain(await jwtClient(org, { batch_size: 500 }), "Account", FIELDS, null);
    expect(batches.map((b) => b.records.length)).toEqual([2, 2, 1]);
    expect(batches.map((b) => b.done)).toEqual([false, false, true]);
    expect(records.map((r) => r.data.Name)).toEqual(["Tie A", "Tie B", "Acme 0", "Acme 1", "Acme 2"]);
    expect(records.every((r) => r.op === "upsert" && !("attributes" in r.data))).toBe(true);
    const { calls } = await org.state();
    expect(calls.map((c) => c.path.split("?")[0]?.replace(/01g\w+-\d+$/, "<locator>"))).toEqual([
      "/services/data/v62.0/queryAll",
      "/services/data/v62.0/query/<locator>",
      "/services/data/v62.0/query/<locator>",
    ]);
    expect(calls.every((c) => c.query_options === "batchSize=500")).toBe(true);
    expect(soqlOf(calls[0]?.path ?? "")).toBe("SELECT Id, IsDeleted, SystemModstamp, Name, Industry FROM Account ORDER BY SystemModstamp, Id");
  });

  it("resumes mid-query from a saved cursor in a new client (a restart)", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, records: { Account: accounts(5) } });
    const first = await (await jwtClient(org)).readChanges("Account", FIELDS, null);
    const rest = await drain(await jwtClient(org), "Account", FIELDS, first.cursor);
    expect([...first.records, ...rest.records].map((r) => r.data.Name)).toEqual(["Acme 0", "Acme 1", "Acme 2", "Acme 3", "Acme 4"]);
  });

  it("the next sync starts at the watermark minus the lookback, catching a late commit and skipping older rows", async () => {
    const start = Date.parse("2026-01-01T00:00:00Z");
    const org = await createFakeOrg({ records: { Account: accounts(3, start) } });
    const first = await drain(await jwtClient(org), "Account", FIELDS, null);
    expect(JSON.parse(first.cursor)).toEqual({ watermark: "2026-01-01T00:00:02.000Z", next: null });
    // committed late: stamped 60 s before the watermark, i.e. inside the 300 s lookback
    await org.put("Account", [
      { Id: "001L00000000000001", Name: "Late", SystemModstamp: "2025-12-31T23:59:02.000+0000" },
      { Id: "001O00000000000001", Name: "Too old", SystemModstamp: "2025-12-31T23:00:00.000+0000" },
      { Id: "001N00000000000001", Name: "New", SystemModstamp: "2026-01-01T00:10:00.000+0000" },
    ]);
    const next = await drain(await jwtClient(org), "Account", FIELDS, first.cursor);
    expect(next.records.map((r) => r.data.Name)).toEqual(["Late", "Acme 0", "Acme 1", "Acme 2", "New"]);
    expect(JSON.parse(next.cursor).watermark).toBe("2026-01-01T00:10:00.000Z");
    const { calls } = await org.state();
    expect(soqlOf(calls.at(-1)?.path ?? "")).toContain("WHERE SystemModstamp >= 2025-12-31T23:55:02.000Z ORDER BY SystemModstamp, Id");
  });

  it("deleted records come through queryAll as delete records", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(2) } });
    const first = await drain(await jwtClient(org), "Account", FIELDS, null);
    const gone = accounts(2)[0]?.Id;
    await org.put("Account", [{ Id: gone, IsDeleted: true, SystemModstamp: "2026-01-01T01:00:00.000+0000" }]);
    const next = await drain(await jwtClient(org, { lookback_seconds: 0 }), "Account", FIELDS, first.cursor);
    expect(next.records.map((r) => [r.id, r.op])).toEqual([
      [accounts(2)[1]?.Id, "upsert"],
      [gone, "delete"],
    ]);
    expect(next.records[1]?.data).toMatchObject({ Name: "Acme 0", IsDeleted: true });
  });

  it("a cursor whose query locator expired restarts from its watermark instead of failing", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, records: { Account: accounts(4) } });
    const client = await jwtClient(org, { lookback_seconds: 0 });
    const first = await client.readChanges("Account", FIELDS, null);
    await client.readChanges("Account", FIELDS, first.cursor); // the locator is spent
    const again = await client.readChanges("Account", FIELDS, first.cursor);
    expect(again.records.map((r) => r.data.Name)).toEqual(["Acme 1", "Acme 2"]);
  });

  it("a locator Salesforce dropped after 15 idle minutes restarts the query from the watermark", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, records: { Account: accounts(5) } });
    const client = await jwtClient(org, { lookback_seconds: 0 });
    const first = await client.readChanges("Account", FIELDS, null);
    await org.change({ locators_idle_seconds: 16 * 60 }); // the sync paused (quota, outage) past the locator's life
    const rest = await drain(client, "Account", FIELDS, first.cursor);
    // the watermark's own record is read again (>=), nothing is skipped
    expect(rest.records.map((r) => r.data.Name)).toEqual(["Acme 1", "Acme 2", "Acme 3", "Acme 4"]);
    const paths = (await org.state()).calls.map((c) => c.path.split("?")[0]?.replace(/01g\w+-\d+$/, "<locator>"));
    expect(paths.slice(1, 3)).toEqual(["/services/data/v62.0/query/<locator>", "/services/data/v62.0/queryAll"]);
  });

  it("a cursor whose locator was issued over 14 minutes ago restarts without spending a call on it", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, records: { Account: accounts(4) } });
    const client = await jwtClient(org, { lookback_seconds: 0 });
    const first = await client.readChanges("Account", FIELDS, null);
    const position = JSON.parse(first.cursor);
    expect(position).toMatchObject({ watermark: "2026-01-01T00:00:01.000Z", next: expect.stringMatching(/^\/services\/data\/v62\.0\/query\//) });
    const stale = JSON.stringify({ ...position, next_issued_at: new Date(Date.now() - 15 * 60_000).toISOString() });
    const again = await client.readChanges("Account", FIELDS, stale);
    expect(again.records.map((r) => r.data.Name)).toEqual(["Acme 1", "Acme 2"]);
    expect((await org.state()).calls.map((c) => c.path.split("/")[4]?.split("?")[0])).toEqual(["queryAll", "queryAll"]);
  });
});

describe("Salesforce client: quota", () => {
  it("reads Sforce-Limit-Info, stops at 90% without another call, and resumes once the allocation rolls over", async () => {
    const org = await createFakeOrg({ max_batch_size: 2, api_limit: 100, api_used: 88, records: { Account: accounts(6) } });
    const client = await jwtClient(org);
    const first = await client.readChanges("Account", FIELDS, null);
    expect(client.usage).toEqual({ used: 89, limit: 100 });
    const second = await client.readChanges("Account", FIELDS, first.cursor);
    expect(client.usage).toEqual({ used: 90, limit: 100 });
    await expect(client.readChanges("Account", FIELDS, second.cursor)).rejects.toMatchObject({ state: "quota-reached", code: "QUOTA_STOP" });
    expect((await org.state()).calls).toHaveLength(2);

    await org.change({ api_used: 0 });
    const rest = await drain(await jwtClient(org), "Account", FIELDS, second.cursor);
    expect([...first.records, ...second.records, ...rest.records].map((r) => r.data.Name)).toEqual(accounts(6).map((a) => a.Name));
  });
});

describe("Salesforce client: describe", () => {
  it("returns fields with types, nillable, custom, picklist values and references", async () => {
    const org = await createFakeOrg();
    const described = await (await jwtClient(org)).describe("Account");
    expect(described.name).toBe("Account");
    const byName = new Map(described.fields.map((field) => [field.name, field]));
    expect(byName.get("OwnerId")).toMatchObject({ type: "reference", referenceTo: ["User"], nillable: false, custom: false });
    expect(byName.get("Tier__c")).toMatchObject({ type: "picklist", custom: true });
    expect(byName.get("Tier__c")?.picklistValues.map((v) => v.value)).toEqual(["Gold", "Silver"]);
  });

  it("revalidates a cached describe with If-Modified-Since and refetches once it changed", async () => {
    const org = await createFakeOrg();
    const cache = memoryDescribeCache();
    const first = await (await jwtClient(org, {}, cache)).describe("Account");
    const cached = await (await jwtClient(org, {}, cache)).describe("Account");
    expect(cached).toEqual(first);
    await org.change({ describe_touched: "2026-02-01T00:00:00Z" });
    await (await jwtClient(org, {}, cache)).describe("Account");
    const { calls } = await org.state();
    expect(calls.map((c) => c.if_modified_since)).toEqual([null, "Wed, 01 Jan 2025 00:00:00 GMT", "Wed, 01 Jan 2025 00:00:00 GMT"]);
    expect((await cache.get("Account"))?.last_modified).toBe("Sun, 01 Feb 2026 00:00:00 GMT");
  });
});

describe("Salesforce client: write-back", () => {
  it("updates one record by PATCH", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const id = accounts(1)[0]?.Id as string;
    expect(await (await jwtClient(org)).update("Account", id, { Industry: "Energy" })).toEqual({ ok: true, record_id: id, status: "updated" });
    const { records, calls } = await org.state();
    expect(records.Account?.[0]).toMatchObject({ Id: id, Industry: "Energy", Name: "Acme 0" });
    expect(calls.map((c) => [c.method, c.path])).toEqual([["PATCH", `/services/data/v62.0/sobjects/Account/${id}`]]);
  });

  it("creates and updates many through composite/sobjects, one result per record in input order", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(2) } });
    const [a, b] = accounts(2).map((account) => account.Id as string);
    const outcomes = await (await jwtClient(org)).saveMany("Account", [
      { fields: { Name: "Created" } },
      { id: a, fields: { Name: "Renamed" } },
      { fields: { Industry: "Energy" } },
      { id: b, fields: { Website: "https://b.example" } },
    ]);
    expect(outcomes[0]).toMatchObject({ ok: true, status: "created", record_id: expect.stringMatching(/^001\w{15}$/) });
    expect(outcomes.slice(1)).toEqual([
      { ok: true, record_id: a, status: "updated" },
      { ok: false, record_id: null, errors: [{ code: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [Name]", fields: ["Name"] }] },
      { ok: true, record_id: b, status: "updated" },
    ]);
    const { records } = await org.state();
    expect(records.Account?.map((r) => r.Name).sort()).toEqual(["Acme 1", "Created", "Renamed"]);
  });

  it("sends more than 200 records in several composite calls", async () => {
    const org = await createFakeOrg();
    const outcomes = await (await jwtClient(org)).saveMany("Account", Array.from({ length: 201 }, (_, i) => ({ fields: { Name: `N${i}` } })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(201);
    expect((await org.state()).calls.map((c) => c.method)).toEqual(["POST", "POST"]);
  });
});
