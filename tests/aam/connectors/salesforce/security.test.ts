import { describe, expect, it } from "vitest";
import { Salesforce } from "../../../../workers/aam/connectors/salesforce";
import { SalesforceConfigSchema } from "../../../../workers/aam/connectors/salesforce/config";
import { accounts, createFakeOrg, fakeUrl, jwtConnection } from "./helpers";

describe("Salesforce connector boundaries", () => {
  it("reads and writes only the connection's configured objects", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const { config, secrets } = await jwtConnection(org, { objects: ["Contact"] });
    const source = new Salesforce(config, secrets);
    await expect(source.read("Account", null)).rejects.toMatchObject({ kind: "not-found" });
    await expect(source.write({ object: "Account", op: "upsert", record_id: accounts(1)[0]?.Id, data: { Name: "x" }, idempotency_key: "k" })).rejects.toMatchObject({ kind: "not-found" });
    expect((await org.state()).calls).toEqual([]);
  });

  it("config refuses object names that could carry SOQL and plain-http hosts", () => {
    const base = { login_url: "https://login.salesforce.com", grant: "client_credentials", client_id: "3MVG9x" };
    expect(SalesforceConfigSchema.safeParse({ ...base, objects: ["Account WHERE Name != null"] }).success).toBe(false);
    expect(SalesforceConfigSchema.safeParse({ ...base, login_url: "http://login.salesforce.com" }).success).toBe(false);
  });

  it("an idempotency key is one URL segment: it cannot address another resource", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org, { external_id_field: "AutonomOS_Key__c" });
    const key = "../../query?q=SELECT Id FROM User";
    const written = await new Salesforce(config, secrets).write({ object: "Account", op: "upsert", data: { Name: "x" }, idempotency_key: key });
    expect(written.status).toBe("created");
    const { calls, records } = await org.state();
    expect(calls.map((c) => c.path)).toContain(`/services/data/v62.0/sobjects/Account/AutonomOS_Key__c/${encodeURIComponent(key)}`);
    expect(records.Account?.map((r) => r.AutonomOS_Key__c)).toEqual([key]);
  });

  it("problems and health details never carry a secret", async () => {
    const org = await createFakeOrg();
    const secret = "Very-Secret-Value-123";
    const source = new Salesforce({ login_url: fakeUrl(), grant: "client_credentials", client_id: org.clientId }, { client_secret: secret });
    const health = await source.check();
    const failure = await source.discover().catch((error: unknown) => error);
    // the source refusing the connection is never the platform's own 401
    expect(failure).toMatchObject({ kind: "source-credentials-rejected" });
    expect(`${JSON.stringify(health)} ${String(failure)} ${JSON.stringify(failure)}`).not.toContain(secret);
  });
});
