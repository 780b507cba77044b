import { generateKeyPair, exportPKCS8 } from "jose";
import { describe, expect, it } from "vitest";
import { SalesforceClient } from "../../../../../workers/aam/connectors/salesforce/client";
import { memoryDescribeCache } from "../../../../../workers/aam/connectors/salesforce/describe";
import { SalesforceSettingsSchema } from "../../../../../workers/aam/connectors/salesforce/settings";
import { accounts, createFakeOrg, fakeUrl, jwtClient, jwtSettings } from "../helpers";

const FIELDS = ["Name"];

/** A fetch that records every URL it is asked for, then passes the call on. */
function recordingFetch() {
  const urls: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    urls.push(String(input));
    return fetch(input, init);
  };
  return { urls, fetcher };
}

describe("the bearer token only travels to the org's instance", () => {
  it("a cursor pointing nextRecordsUrl at another host is refused before any request", async () => {
    const org = await createFakeOrg();
    const { urls, fetcher } = recordingFetch();
    const client = new SalesforceClient(await jwtSettings(org), memoryDescribeCache(), fetcher);
    for (const next of ["https://evil.example/services/data/v62.0/query/01gX-2", "//evil.example/services/data/v62.0/query/01gX-2", "/services/data/v62.0/query/../../oauth2/token"]) {
      await expect(client.readChanges("Account", FIELDS, JSON.stringify({ watermark: null, next }))).rejects.toMatchObject({ code: "INVALID_CURSOR" });
    }
    expect(urls).toEqual([]);
  });

  it("a token response naming a non-https instance is refused and nothing is sent there", async () => {
    const org = await createFakeOrg();
    const urls: string[] = [];
    const lying: typeof fetch = async (input, init) => {
      urls.push(String(input));
      const real = await fetch(input, init);
      const body = (await real.json()) as Record<string, unknown>;
      return Response.json({ ...body, instance_url: "http://evil.example" });
    };
    const client = new SalesforceClient(await jwtSettings(org), memoryDescribeCache(), lying);
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "bad-credentials", code: "UNTRUSTED_INSTANCE" });
    expect(urls).toEqual([`${fakeUrl()}/services/oauth2/token`]);
  });

  it("settings refuse a plain-http login host other than this machine", () => {
    const auth = { grant: "client_credentials", client_id: "a", client_secret: "b" };
    expect(SalesforceSettingsSchema.safeParse({ login_url: "http://login.salesforce.com", auth }).success).toBe(false);
    expect(SalesforceSettingsSchema.safeParse({ login_url: "https://login.salesforce.com", auth }).success).toBe(true);
  });
});

describe("orgs stay apart", () => {
  it("a query locator from another org is not served: the read restarts in the caller's own org", async () => {
    const theirs = await createFakeOrg({ max_batch_size: 1, records: { Account: accounts(3, Date.parse("2026-01-01T00:00:00Z"), "Theirs") } });
    const mine = await createFakeOrg({ records: { Account: accounts(1, Date.parse("2026-01-01T00:00:00Z"), "Mine") } });
    const stolen = (await (await jwtClient(theirs)).readChanges("Account", FIELDS, null)).cursor;
    const batch = await (await jwtClient(mine)).readChanges("Account", FIELDS, stolen);
    expect(batch.records.map((r) => r.data.Name)).toEqual(["Mine 0"]);
    const theirState = await theirs.state();
    expect(theirState.calls).toHaveLength(1);
  });

  it("an assertion signed with another key is refused", async () => {
    const org = await createFakeOrg();
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const settings = await jwtSettings(org);
    const client = new SalesforceClient({ ...settings, auth: { ...settings.auth, private_key: await exportPKCS8(privateKey) } as typeof settings.auth });
    await expect(client.describe("Account")).rejects.toMatchObject({ state: "bad-credentials", code: "invalid_grant" });
  });
});

describe("names cannot inject SOQL or paths", () => {
  it("an object or field name that is not an identifier is refused before any call", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const client = await jwtClient(org);
    await expect(client.readChanges("Account", ["Name FROM User WHERE Id != null"], null)).rejects.toMatchObject({ state: "malformed-query", code: "INVALID_IDENTIFIER" });
    await expect(client.readChanges("Account WHERE IsDeleted = true", FIELDS, null)).rejects.toMatchObject({ code: "INVALID_IDENTIFIER" });
    await expect(client.describe("../../oauth2/token")).rejects.toMatchObject({ code: "INVALID_IDENTIFIER" });
    expect((await org.state()).calls).toEqual([]);
  });

  it("a record id is one path segment: it cannot reach another resource", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    await expect((await jwtClient(org)).update("Account", "../../query", { Name: "x" })).rejects.toMatchObject({ state: "not-found" });
    expect((await org.state()).calls.map((c) => c.path)).toEqual(["/services/data/v62.0/sobjects/Account/..%2F..%2Fquery"]);
  });
});

describe("secrets stay out of errors", () => {
  it("a sign-in failure carries neither the client secret, the private key nor a token", async () => {
    const org = await createFakeOrg();
    const settings = await jwtSettings(org);
    const failures: unknown[] = [];
    await new SalesforceClient({ ...settings, auth: { ...settings.auth, username: "nobody@example.com" } as typeof settings.auth })
      .describe("Account")
      .catch((error: unknown) => failures.push(error));
    await new SalesforceClient({ login_url: fakeUrl(), auth: { grant: "client_credentials", client_id: org.clientId, client_secret: "S3cr3t-do-not-log" } })
      .describe("Account")
      .catch((error: unknown) => failures.push(error));
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      const text = `${String(failure)} ${JSON.stringify(failure)} ${(failure as Error).stack ?? ""}`;
      expect(text).not.toContain("S3cr3t-do-not-log");
      expect(text).not.toContain("PRIVATE KEY");
      expect(text).not.toMatch(/00D\w+!/);
    }
  });

  it("a REST failure after sign-in does not echo the access token", async () => {
    const org = await createFakeOrg();
    const failure = await (await jwtClient(org)).readChanges("Account", ["Nope__c"], null).catch((error: unknown) => error);
    expect(`${String(failure)} ${JSON.stringify(failure)}`).not.toMatch(/00D\w+!/);
    expect(failure).toMatchObject({ code: "INVALID_FIELD" });
  });
});
