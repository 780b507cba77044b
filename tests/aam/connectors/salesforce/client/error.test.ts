import { describe, expect, it } from "vitest";
import { SalesforceClient } from "../../../../../workers/aam/connectors/salesforce/client";
import { memoryDescribeCache } from "../../../../../workers/aam/connectors/salesforce/describe";
import { SalesforceSettingsSchema } from "../../../../../workers/aam/connectors/salesforce/settings";
import { accounts, clientCredentialsSettings, createFakeOrg, drain, jwtClient, jwtSettings } from "../helpers";

const FIELDS = ["Name"];

describe("Salesforce REST errors become typed states", () => {
  it("INVALID_FIELD (a field the sync reads is gone) is schema drift, naming the field", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const failure = (await jwtClient(org)).readChanges("Account", ["Name", "Region__c"], null);
    await expect(failure).rejects.toMatchObject({ state: "schema-drift", code: "INVALID_FIELD", status: 400, name: "SalesforceError" });
    await expect(failure).rejects.toThrow(/No such column 'Region__c' on entity 'Account'/);
  });

  it("INVALID_TYPE (an object that is gone or hidden) is schema drift", async () => {
    const org = await createFakeOrg();
    await expect((await jwtClient(org)).readChanges("Widget__c", FIELDS, null)).rejects.toMatchObject({ state: "schema-drift", code: "INVALID_TYPE" });
  });

  it("MALFORMED_QUERY is its own state", async () => {
    const org = await createFakeOrg();
    const client = await jwtClient(org);
    await expect(client.session.request(`query?q=${encodeURIComponent("SELECT Id FROM Account WHERE")}`)).rejects.toMatchObject({
      state: "malformed-query",
      code: "MALFORMED_QUERY",
      status: 400,
    });
  });

  it("NOT_FOUND: updating a record that does not exist, or describing an unknown object", async () => {
    const org = await createFakeOrg();
    const client = await jwtClient(org);
    await expect(client.update("Account", "001000000000000404", { Name: "x" })).rejects.toMatchObject({ state: "not-found", code: "NOT_FOUND", status: 404 });
    await expect(client.describe("Widget__c")).rejects.toMatchObject({ state: "not-found", code: "NOT_FOUND" });
  });

  it("REQUEST_LIMIT_EXCEEDED is quota reached, and the cursor still resumes afterwards", async () => {
    const org = await createFakeOrg({ max_batch_size: 1, api_limit: 10, records: { Account: accounts(2) } });
    const first = await (await jwtClient(org)).readChanges("Account", FIELDS, null);
    await org.change({ api_used: 10 });
    // a stop ratio of 1 lets the call through to Salesforce's own refusal
    const failure = (await jwtClient(org, { quota_stop_ratio: 1 })).readChanges("Account", FIELDS, first.cursor);
    await expect(failure).rejects.toMatchObject({ state: "quota-reached", code: "REQUEST_LIMIT_EXCEEDED", status: 403 });
    await org.change({ api_used: 0 });
    const rest = await drain(await jwtClient(org), "Account", FIELDS, first.cursor);
    expect(rest.records.map((r) => r.data.Name)).toEqual(["Acme 1"]);
  });

  it("an UPDATE of a record field that does not exist is INVALID_FIELD with the field named", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const failure = (await jwtClient(org)).update("Account", accounts(1)[0]?.Id as string, { Region__c: "EMEA" });
    await expect(failure).rejects.toMatchObject({ state: "schema-drift", code: "INVALID_FIELD", fields: ["Region__c"] });
  });
});

describe("Salesforce sessions and sign-in failures", () => {
  it("refreshes the token once only: a session that dies again is bad credentials", async () => {
    const org = await createFakeOrg({ sessions_die_immediately: true });
    const tokenCalls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith("/services/oauth2/token")) tokenCalls.push(String(input));
      return fetch(input, init);
    };
    const client = new SalesforceClient(await jwtSettings(org), memoryDescribeCache(), counting);
    await expect(client.readChanges("Account", FIELDS, null)).rejects.toMatchObject({ state: "bad-credentials", code: "INVALID_SESSION_ID", status: 401 });
    expect(tokenCalls).toHaveLength(2);
  });

  it("a wrong client secret is bad credentials (invalid_client)", async () => {
    const org = await createFakeOrg();
    const settings = clientCredentialsSettings(org);
    const client = new SalesforceClient({ ...settings, auth: { grant: "client_credentials", client_id: org.clientId, client_secret: "wrong" } });
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "bad-credentials", code: "invalid_client", status: 400 });
  });

  it("an unknown consumer key is bad credentials (invalid_client_id)", async () => {
    const org = await createFakeOrg();
    const settings = await jwtSettings(org);
    const client = new SalesforceClient({ ...settings, auth: { ...settings.auth, client_id: "3MVG9unknown" } as typeof settings.auth });
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "bad-credentials", code: "invalid_client_id" });
  });

  it("a user who has not approved the app is bad credentials (invalid_grant)", async () => {
    const org = await createFakeOrg();
    const settings = await jwtSettings(org);
    const client = new SalesforceClient({ ...settings, auth: { ...settings.auth, username: "someone-else@example.com" } as typeof settings.auth });
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "bad-credentials", code: "invalid_grant", message: "user hasn't approved this consumer" });
  });

  it("a login host that does not answer is unreachable", async () => {
    const org = await createFakeOrg();
    const client = new SalesforceClient({ ...(await jwtSettings(org)), login_url: "http://127.0.0.1:9" });
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "unreachable", code: "CONNECTION_FAILED" });
  });
});

describe("Salesforce write-back: per-record failures", () => {
  it("a malformed id, a missing id and a deleted record each fail alone, neighbours succeed", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(2) } });
    const [live, deleted] = accounts(2).map((a) => a.Id as string);
    await org.put("Account", [{ Id: deleted, IsDeleted: true }]);
    const outcomes = await (await jwtClient(org)).saveMany("Account", [
      { id: "not-an-id", fields: { Name: "x" } },
      { id: "001999999999999999", fields: { Name: "x" } },
      { id: deleted, fields: { Name: "x" } },
      { id: live, fields: { Name: "Kept" } },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.status : o.errors.map((e) => e.code).join()))).toEqual([
      "MALFORMED_ID",
      "INVALID_CROSS_REFERENCE_KEY",
      "ENTITY_IS_DELETED",
      "updated",
    ]);
  });
});

describe("Salesforce settings and cursors are validated", () => {
  it("refuses a batch size Salesforce would not honour and a stop ratio above 1", () => {
    const base = { login_url: "https://login.salesforce.com", auth: { grant: "client_credentials", client_id: "a", client_secret: "b" } };
    expect(SalesforceSettingsSchema.safeParse({ ...base, batch_size: 100 }).success).toBe(false);
    expect(SalesforceSettingsSchema.safeParse({ ...base, quota_stop_ratio: 1.5 }).success).toBe(false);
    expect(SalesforceSettingsSchema.parse(base)).toMatchObject({ api_version: "62.0", batch_size: 2000, lookback_seconds: 300, quota_stop_ratio: 0.9 });
  });

  it("a cursor that is not one the client wrote is refused before any call", async () => {
    const org = await createFakeOrg();
    const client = await jwtClient(org);
    for (const cursor of ["not json", JSON.stringify({ watermark: "yesterday", next: null }), JSON.stringify({ watermark: null })]) {
      await expect(client.readChanges("Account", FIELDS, cursor)).rejects.toMatchObject({ state: "cursor-expired", code: "INVALID_CURSOR" });
    }
    expect((await org.state()).calls).toEqual([]);
  });
});
