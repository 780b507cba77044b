import { describe, expect, it } from "vitest";
import { Salesforce } from "../../../../workers/aam/connectors/salesforce";
import { SalesforceConfigSchema } from "../../../../workers/aam/connectors/salesforce/config";
import { accounts, createFakeOrg, fakeUrl, jwtConnection } from "./helpers";

describe("Salesforce connector failures are problems by state", () => {
  it("check() reports bad credentials as a state instead of throwing", async () => {
    const org = await createFakeOrg();
    const source = new Salesforce({ login_url: fakeUrl(), grant: "client_credentials", client_id: org.clientId }, { client_secret: "wrong" });
    expect(await source.check()).toMatchObject({
      ok: false,
      state: "bad-credentials",
      detail: "Salesforce bad-credentials (invalid_client): invalid client credentials",
    });
  });

  it("a private key that does not read as PKCS#8 is bad credentials; a PKCS#1 PEM is refused as config", async () => {
    const org = await createFakeOrg();
    const { config } = await jwtConnection(org);
    const broken = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";
    const health = await new Salesforce(config, { private_key: broken }).check();
    expect(health).toMatchObject({ ok: false, state: "bad-credentials", detail: expect.stringContaining("INVALID_PRIVATE_KEY") });
    expect(health.detail).not.toContain("bm90IGEga2V5");
    const pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----\n";
    expect(() => new Salesforce(config, { private_key: pkcs1 })).toThrow(expect.objectContaining({ kind: "validation-error" }));
  });

  it("check() reports an unreachable host", async () => {
    const org = await createFakeOrg();
    const source = new Salesforce({ login_url: "http://127.0.0.1:9", grant: "client_credentials", client_id: org.clientId }, { client_secret: "x" });
    expect(await source.check()).toMatchObject({ ok: false, state: "unreachable", detail: expect.stringContaining("CONNECTION_FAILED") });
  });

  it("check() reports a spent allocation as quota reached, with the usage in the detail", async () => {
    const org = await createFakeOrg({ api_used: 100, api_limit: 100 });
    const { config, secrets } = await jwtConnection(org);
    expect(await new Salesforce(config, secrets).check()).toMatchObject({ ok: false, state: "quota-reached", detail: expect.stringContaining("REQUEST_LIMIT_EXCEEDED") });
  });

  it("a configured object that does not exist is schema drift on check, discover and read", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org, { objects: ["Gone__c", "Account"] });
    const source = new Salesforce(config, secrets);
    expect(await source.check()).toMatchObject({ ok: false, state: "schema-drift", detail: expect.stringContaining("Gone__c does not exist") });
    await expect(source.discover()).rejects.toMatchObject({ kind: "source-schema-changed" });
    await expect(source.read("Gone__c", null)).rejects.toMatchObject({ kind: "source-schema-changed" });
  });

  it("the 90 % stop is quota reached with a one-hour Retry-After, and sends no further call", async () => {
    const org = await createFakeOrg({ api_used: 95, api_limit: 100, records: { Account: accounts(1) } });
    const { config, secrets } = await jwtConnection(org);
    const source = new Salesforce(config, secrets);
    expect((await source.check()).ok).toBe(true); // the probe itself learns the usage: 96 of 100
    await expect(source.read("Account", null)).rejects.toMatchObject({
      kind: "source-quota-reached",
      message: expect.stringContaining("QUOTA_STOP"),
      extras: { headers: { "retry-after": "3600" } },
    });
    expect((await org.state()).calls).toHaveLength(1);
  });

  it("REQUEST_LIMIT_EXCEEDED from Salesforce is quota reached with the same Retry-After", async () => {
    const org = await createFakeOrg({ api_used: 100, api_limit: 100, records: { Account: accounts(1) } });
    const { config, secrets } = await jwtConnection(org);
    await expect(new Salesforce(config, secrets).read("Account", null)).rejects.toMatchObject({
      kind: "source-quota-reached",
      message: expect.stringContaining("REQUEST_LIMIT_EXCEEDED"),
      extras: { headers: { "retry-after": "3600" } },
    });
  });

  it("a stored cursor this connector did not write is an internal error, not the user's", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org);
    await expect(new Salesforce(config, secrets).read("Account", "not json")).rejects.toMatchObject({ kind: "internal", message: expect.stringContaining("INVALID_CURSOR") });
  });

  it("a record Salesforce refuses to create is a validation error with its reason", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org);
    const failure = new Salesforce(config, secrets).write({ object: "Account", op: "upsert", data: { Industry: "Energy" }, idempotency_key: "k" });
    await expect(failure).rejects.toMatchObject({ kind: "validation-error", message: expect.stringContaining("REQUIRED_FIELD_MISSING") });
  });

  it("an upsert whose external id two records hold is a conflict; one Salesforce refuses is a validation error", async () => {
    const org = await createFakeOrg({ records: { Account: [...accounts(2)].map((a) => ({ ...a, AutonomOS_Key__c: "dup" })) } });
    const { config, secrets } = await jwtConnection(org, { external_id_field: "AutonomOS_Key__c" });
    const source = new Salesforce(config, secrets);
    await expect(source.write({ object: "Account", op: "upsert", data: { Name: "x" }, idempotency_key: "DUP" })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("2 records hold this external id"),
    });
    await expect(source.write({ object: "Account", op: "upsert", data: { Industry: "Energy" }, idempotency_key: "k-new" })).rejects.toMatchObject({
      kind: "validation-error",
      message: expect.stringContaining("REQUIRED_FIELD_MISSING"),
    });
  });

  it("an external_id_field that is not an External ID field is refused by Salesforce and creates nothing", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org, { external_id_field: "Name" });
    await expect(new Salesforce(config, secrets).write({ object: "Account", op: "upsert", data: { Name: "x" }, idempotency_key: "k" })).rejects.toMatchObject({
      kind: "not-found",
      message: expect.stringContaining("external ID field does not exist"),
    });
    expect((await org.state()).records.Account).toEqual([]);
  });

  it("updating a field that no longer exists is a schema change", async () => {
    const org = await createFakeOrg({ records: { Account: accounts(1) } });
    const { config, secrets } = await jwtConnection(org);
    const failure = new Salesforce(config, secrets).write({ object: "Account", op: "upsert", record_id: accounts(1)[0]?.Id, data: { Region__c: "EMEA" }, idempotency_key: "k" });
    await expect(failure).rejects.toMatchObject({ kind: "source-schema-changed" });
  });

  it("deleting through write-back is refused", async () => {
    const org = await createFakeOrg();
    const { config, secrets } = await jwtConnection(org);
    const failure = new Salesforce(config, secrets).write({ object: "Account", op: "delete", record_id: "001000000000000001", data: {}, idempotency_key: "k" });
    await expect(failure).rejects.toMatchObject({ kind: "method-not-allowed" });
  });
});

describe("Salesforce connection config", () => {
  it("the JWT bearer flow needs a username and the private_key secret", async () => {
    const base = { login_url: "https://login.salesforce.com", grant: "jwt_bearer", client_id: "3MVG9x" };
    const issues = SalesforceConfigSchema.safeParse(base).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["username"]);
    expect(() => new Salesforce({ ...base, username: "u@example.com" }, {})).toThrow(expect.objectContaining({ kind: "validation-error", message: expect.stringContaining("private_key") }));
  });

  it("client credentials need the client_secret secret; unknown settings are refused", () => {
    const base = { login_url: "https://login.salesforce.com", grant: "client_credentials", client_id: "3MVG9x" };
    expect(() => new Salesforce(base, null)).toThrow(expect.objectContaining({ kind: "validation-error", message: expect.stringContaining("client_secret") }));
    expect(SalesforceConfigSchema.safeParse({ ...base, pasword: "x" }).success).toBe(false);
    expect(SalesforceConfigSchema.parse(base).objects).toEqual(["Account", "Contact", "Opportunity"]);
  });
});
